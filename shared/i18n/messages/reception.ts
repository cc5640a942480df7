/** Strings of reception (issue 13): job categories, the gate, walk-ins, late customers; part of the one message table in ../messages.ts. */
export const zhCN = {
  "reception.field.jobCategory": "作业类别",
  "reception.field.jobCategories": "承接的作业类别",
  "reception.field.greetingLimitMinutes": "迎接时限（分钟）",
  "reception.field.minutes": "预计几分钟到",
  "reception.field.greetedAt": "出迎",
  "reception.field.code": "类别代码",
  "reception.field.nameZh": "中文名称",
  "reception.field.nameEn": "英文名称",
  "reception.field.bayKinds": "适合的工位类型",
  "reception.error.greetOrder": "出迎的顺序不对：先“已出迎”再开始维修，一位客户只出迎一次",
  "reception.category.none": "未分类",
  "reception.warning.advisor_not_specialised": "该服务顾问不承接此作业类别",
  "reception.warning.bay_kind_mismatch": "工位类型与作业类别不符",
} as const;

export const en: Record<keyof typeof zhCN, string> = {
  "reception.field.jobCategory": "Job category",
  "reception.field.jobCategories": "Job categories taken",
  "reception.field.greetingLimitMinutes": "Greeting limit (minutes)",
  "reception.field.minutes": "Arriving in (minutes)",
  "reception.field.greetedAt": "Greeting",
  "reception.field.code": "Category code",
  "reception.field.nameZh": "Chinese name",
  "reception.field.nameEn": "English name",
  "reception.field.bayKinds": "Suitable bay kinds",
  "reception.error.greetOrder": "Out of order: tap “Greeted” before starting the repair, and greet a customer once",
  "reception.category.none": "Uncategorised",
  "reception.warning.advisor_not_specialised": "This advisor does not take this job category",
  "reception.warning.bay_kind_mismatch": "The bay's kind does not suit this job category",
};
