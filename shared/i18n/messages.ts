import type { Language } from "../schemas/common.js";

/**
 * Every string a magboard screen shows, in zh-CN (the site's first language) and English.
 * Keys are typed, so a missing translation or a misspelt key fails the type check.
 * Each page keeps its keys in its own marked section so parallel work merges cleanly.
 * Placeholders are written {name} and filled by `t`.
 */
const zhCN = {
  // ── board (shared by the display and the admin editor) ─────────────────────────────
  "board.status.booked": "已预约",
  "board.status.confirmed": "已确认",
  "board.status.arrived": "已到店",
  "board.status.late": "延时到店",
  "board.status.in_service": "维修中",
  "board.status.completed": "已完成",
  "board.status.no_show": "爽约",
  "board.status.cancelled": "已取消",
  "board.card.arrivedAt": "{time}到店",
  "board.card.lateMinutes": "迟{minutes}分钟",
  "board.card.graceLeft": "{minutes}分钟后延时",
  "board.card.noBay": "未排工位",
  "board.card.bayClash": "工位冲突",
  "board.card.customer.mr": "{name} 先生",
  "board.card.customer.ms": "{name} 女士",
  "board.card.customer.none": "{name}",
  "board.grid.load": "{booked}/{capacity}",
  "board.grid.loadLabel": "今日负荷 {booked}/{capacity}",
  "board.grid.overCapacity": "超出容量",
  "board.grid.outsideHours": "营业时间外",
  "board.grid.empty": "今日没有服务顾问排班",
  "board.grid.stackCount": "×{count}",

  // ── display (the reception TV) ─────────────────────────────────────────────────────
  "display.launch": "正在连接预约管理板…",
  "display.launch.error": "暂时无法连接服务器，正在重试",
  "display.banner.disconnected": "连接中断 · 显示 {time} 的数据",
  "display.counts.total": "预约",
  "display.counts.arrived": "已到店",
  "display.counts.late": "延时",
  "display.counts.noShow": "爽约",
  "display.counts.toCome": "待到店",
  "display.page": "第 {page}/{pages} 页",
  "display.call.full": "{plate} 已到店，请{advisor} 接待",
  "display.call.masked": "尾号 {tail} 的 {customer} 已到店，请{advisor} 接待",
  "display.call.customer.mr": "{surname}先生",
  "display.call.customer.ms": "{surname}女士",
  "display.call.customer.none": "{surname}姓客户",
  "display.reloading": "服务器已更新，正在重新载入…",
} as const;

export type MessageKey = keyof typeof zhCN;

const en: Record<MessageKey, string> = {
  // ── board ──────────────────────────────────────────────────────────────────────────
  "board.status.booked": "Booked",
  // boards abbreviate as airport boards do: a card is ~110 px wide at 1920 and words must not be cut
  "board.status.confirmed": "Conf.",
  "board.status.arrived": "Arrived",
  "board.status.late": "Late",
  "board.status.in_service": "In service",
  "board.status.completed": "Done",
  "board.status.no_show": "No-show",
  "board.status.cancelled": "Cancelled",
  "board.card.arrivedAt": "at {time}",
  "board.card.lateMinutes": "+{minutes} min",
  "board.card.graceLeft": "{minutes} min left",
  "board.card.noBay": "no bay",
  "board.card.bayClash": "bay clash",
  "board.card.customer.mr": "Mr {name}",
  "board.card.customer.ms": "Ms {name}",
  "board.card.customer.none": "{name}",
  "board.grid.load": "{booked}/{capacity}",
  "board.grid.loadLabel": "today {booked}/{capacity}",
  "board.grid.overCapacity": "over capacity",
  "board.grid.outsideHours": "outside hours",
  "board.grid.empty": "No advisor on duty today",
  "board.grid.stackCount": "×{count}",

  // ── display ────────────────────────────────────────────────────────────────────────
  "display.launch": "Connecting to the board…",
  "display.launch.error": "Cannot reach the server yet, retrying",
  "display.banner.disconnected": "Connection lost · showing data as of {time}",
  "display.counts.total": "Booked",
  "display.counts.arrived": "Arrived",
  "display.counts.late": "Late",
  "display.counts.noShow": "No-show",
  "display.counts.toCome": "To come",
  "display.page": "Page {page} of {pages}",
  "display.call.full": "{plate} has arrived. {advisor}, please receive them.",
  "display.call.masked": "{customer}, plate ending {tail}, has arrived. {advisor}, please receive them.",
  "display.call.customer.mr": "Mr {surname}",
  "display.call.customer.ms": "Ms {surname}",
  "display.call.customer.none": "Customer {surname}",
  "display.reloading": "The server was updated, reloading…",
};

const TABLES: Record<Language, Record<MessageKey, string>> = { "zh-CN": zhCN, en };

export type MessageParams = Record<string, string | number>;

/** The message for `key` in `lang` with its {placeholders} filled; an unknown placeholder is left visible so it gets noticed. */
export function t(lang: Language, key: MessageKey, params?: MessageParams): string {
  const template = TABLES[lang][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
