/**
 * One name per step after arrival, on every screen and in both languages (issue 13, point 9):
 * 已到店 → 已出迎 → 维修中 → 已完工. The action that takes a card to a step and the step itself
 * carry the same words wherever they appear (editor, phone, gate, TV, history, reports). Part of
 * the one message table in ../messages.ts.
 */
export const zhCN = {
  "step.action.arrive": "已到店",
  "step.action.confirm": "已确认",
  "step.action.greet": "已出迎",
  "step.action.start": "开始维修",
  "step.action.complete": "完工",
  "step.action.no_show": "爽约",
  "step.action.cancel": "取消预约",
  "step.action.reopen": "恢复为预约",
  "step.toast.arrive": "{who} {plate} 已到店",
  "step.toast.confirm": "{who} {plate} 已确认",
  "step.toast.greet": "{who} {plate} 已出迎",
  "step.toast.start": "{who} {plate} 开始维修",
  "step.toast.complete": "{who} {plate} 已完工",
  "step.toast.no_show": "{who} {plate} 标为爽约",
  "step.toast.cancel": "{who} {plate} 已取消",
  "step.toast.reopen": "{who} {plate} 已恢复为预约",
  "step.state.greeted": "已出迎",
  "step.greetedAt": "{time}出迎",
  "step.greetingOverdue": "未出迎",
  "step.greetingWait": "等{minutes}分钟",
  "step.greetingOverdueLong": "未出迎 · 已等 {minutes} 分钟",
  "step.greetFirst": "先点“已出迎”，再开始维修",
  "step.audit.mark_greeting_overdue": "系统标记迎接超时",
} as const;

export const en: Record<keyof typeof zhCN, string> = {
  "step.action.arrive": "Arrived",
  "step.action.confirm": "Confirmed",
  "step.action.greet": "Greeted",
  "step.action.start": "Start repair",
  "step.action.complete": "Finish",
  "step.action.no_show": "No-show",
  "step.action.cancel": "Cancel booking",
  "step.action.reopen": "Back to booked",
  "step.toast.arrive": "{who} {plate} arrived",
  "step.toast.confirm": "{who} {plate} confirmed",
  "step.toast.greet": "{who} {plate} greeted",
  "step.toast.start": "{who} {plate} repair started",
  "step.toast.complete": "{who} {plate} finished",
  "step.toast.no_show": "{who} {plate} marked no-show",
  "step.toast.cancel": "{who} {plate} cancelled",
  "step.toast.reopen": "{who} {plate} back to booked",
  "step.state.greeted": "Greeted",
  "step.greetedAt": "greeted {time}",
  "step.greetingOverdue": "NOT GREETED",
  "step.greetingWait": "waiting {minutes} min",
  "step.greetingOverdueLong": "Not greeted · waiting {minutes} min",
  "step.greetFirst": "Tap “Greeted” first, then start the repair",
  "step.audit.mark_greeting_overdue": "Greeting overdue (system)",
};
