/** Strings of the advisor's phone, /advisor; part of the one message table in ../messages.ts. */
export const zhCN = {
  "advisor.title": "我的预约",
  "advisor.signedInAs": "{name}",
  "advisor.logout": "退出",
  "advisor.empty": "今天没有您的预约",
  "advisor.notAdvisor": "此页面供服务顾问使用；账号 {name} 未关联服务顾问。",
  "advisor.call": "{customer} 已到店",
  "advisor.call.overdue": "‼ {customer} 等候已超时，请立即出迎",
  "advisor.call.detail": "{plate} · {time} 预约",
  "advisor.call.dismiss": "知道了",
  "advisor.error.failed": "操作未完成，请重试",
  "advisor.connection.lost": "连接中断，正在重连…",
  "advisor.calls.dayBefore": "明天的预约确认（{count}）",
  "advisor.calls.lists": "我的招揽名单（{count}）",
  "advisor.calls.none": "现在没有需要联系的客户",
  "advisor.calls.confirm": "已确认",
  "advisor.calls.phone": "拨打 {phone}",

} as const;

export const en: Record<keyof typeof zhCN, string> = {
  "advisor.title": "My appointments",
  "advisor.signedInAs": "{name}",
  "advisor.logout": "Sign out",
  "advisor.empty": "No appointments for you today",
  "advisor.notAdvisor": "This page is for service advisors; the account {name} is not linked to one.",
  "advisor.call": "{customer} has arrived",
  "advisor.call.overdue": "‼ {customer} has waited too long: go and greet them now",
  "advisor.call.detail": "{plate} · booked {time}",
  "advisor.call.dismiss": "Got it",
  "advisor.error.failed": "That did not go through; please try again",
  "advisor.connection.lost": "Connection lost, reconnecting…",
  "advisor.calls.dayBefore": "Tomorrow's confirmations ({count})",
  "advisor.calls.lists": "My call-in list entries ({count})",
  "advisor.calls.none": "Nobody to call right now",
  "advisor.calls.confirm": "Confirmed",
  "advisor.calls.phone": "Call {phone}",

};
