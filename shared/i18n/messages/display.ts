/** Strings of the reception TV; part of the one message table in ../messages.ts. */
export const zhCN = {
  "display.launch": "正在连接预约管理板…",
  "display.launch.error": "暂时无法连接服务器，正在重试",
  "display.banner.disconnected": "连接中断 · 显示 {time} 的数据",
  "display.counts.total": "预约",
  "display.counts.arrived": "已到店",
  "display.counts.late": "延时",
  "display.counts.noShow": "爽约",
  "display.counts.toCome": "待到店",
  "display.counts.walkIns": "散客",
  "display.page": "第 {page}/{pages} 页",
  "display.call.full": "{plate} 已到店，请{advisor} 接待",
  "display.call.masked": "尾号 {tail} 的 {customer} 已到店，请{advisor} 接待",
  "display.call.customer.mr": "{surname}先生",
  "display.call.customer.ms": "{surname}女士",
  "display.call.customer.none": "{surname}姓客户",
  "display.reloading": "服务器已更新，正在重新载入…",

} as const;

export const en: Record<keyof typeof zhCN, string> = {
  "display.launch": "Connecting to the board…",
  "display.launch.error": "Cannot reach the server yet, retrying",
  "display.banner.disconnected": "Connection lost · showing data as of {time}",
  "display.counts.total": "Booked",
  "display.counts.arrived": "Arrived",
  "display.counts.late": "Late",
  "display.counts.noShow": "No-show",
  "display.counts.toCome": "To come",
  "display.counts.walkIns": "Walk-ins",
  "display.page": "Page {page} of {pages}",
  "display.call.full": "{plate} has arrived. {advisor}, please receive them.",
  "display.call.masked": "{customer}, plate ending {tail}, has arrived. {advisor}, please receive them.",
  "display.call.customer.mr": "Mr {surname}",
  "display.call.customer.ms": "Ms {surname}",
  "display.call.customer.none": "Customer {surname}",
  "display.reloading": "The server was updated, reloading…",

};
