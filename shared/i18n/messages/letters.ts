/** Letters and texts (issue 14, point 4): the default templates, the settings screen, the batch print and export. */
export const zhCN = {
  "letters.default.letter": `定期保养温馨提醒

尊敬的{customer}{title}：

您好！感谢您一直以来对{store}的信任与支持。根据我们的服务记录，您的爱车已到定期保养的时间。按时保养能让爱车保持良好状态，也让您每一次出行都更安心。

车牌号：{plate}
上次保养：{lastServiceDate}，行驶里程 {lastServiceKm} 公里
本次保养：{dueDate}前后，或行驶至 {dueKm} 公里

请拨打预约热线 {hotline} 预约到店时间；预约客户到店走预约专用通道，无需排队等候。来店时请携带《保养手册》。

如您已完成本次保养，请忽略此信。本信寄出后约两周，我们的客服人员将致电您，询问是否需要为您安排预约。

祝您用车愉快！

{store}
总经理 {generalManager}
{letterDate}`,
  "letters.default.text": "【{store}】尊敬的{customer}{title}，您的爱车{plate}将于{dueDate}或行驶至{dueKm}公里时需定期保养，请拨打预约热线{hotline}预约，预约客户享专用通道。如已保养请忽略。",
  "letters.field.hotline": "预约热线",
  "letters.field.generalManager": "总经理",
  "letters.field.storeName": "店名（信函署名）",
  "letters.field.serviceIntervalKm": "保养间隔里程（公里）",
  "letters.field.followUpDays": "寄信后回访天数",
  "letters.field.letterTemplateZh": "信函模板（中文）",
  "letters.field.letterTemplateEn": "信函模板（英文）",
  "letters.field.textTemplateZh": "短信模板（中文）",
  "letters.field.textTemplateEn": "短信模板（英文）",
  "letters.field.hookUrl": "短信网关地址",
  "letters.field.entryIds": "名单条目",
  "letters.field.kind": "方式",
  "letters.settings.title": "信函与短信",
  "letters.settings.placeholders": "可用的占位符：{names}",
  "letters.settings.unknown": "未知的占位符：{names}",
  "letters.settings.preview": "预览（登记册中的真实客户 {plate}）",
  "letters.settings.previewNone": "登记册中还没有车辆，无法预览",
  "letters.settings.save": "保存",
  "letters.settings.saved": "信函与短信设置已保存",
  "letters.settings.hookNote": "每条短信以 JSON（phone, message）POST 到此地址；失败会重试三次，仍失败的在名单上标出",
  "letters.settings.managerOnly": "只有经理可以修改信函与短信设置",
  "letters.print": "打印信函（{count} 封）",
  "letters.texts": "发送短信（{count} 条）",
  "letters.toast.letters": "已记录 {count} 封信函，约两周后回访",
  "letters.toast.texts": "已记录 {count} 条短信，约两周后回访",
  "letters.toast.retry": "短信已重新排队发送",
  "letters.csv": "下载短信 CSV",
  "letters.open": "打开打印页（第 {id} 批，{count} 封），按 Ctrl+P 打印",
  "letters.printHint": "打印时请选择 A4 纸，每封信一页",
  "letters.sent.letter": "{date} 已寄信",
  "letters.sent.text": "{date} 已发短信",
  "letters.hook.pending": "发送中",
  "letters.hook.sent": "已送达网关",
  "letters.hook.failed": "发送失败：{error}",
  "letters.hook.none": "未配置网关，请下载 CSV",
  "letters.retry": "重新发送",
  "letters.batch.title": "第 {id} 批（{count} 条）",
  "letters.error.hotline": "请先在「设置 · 信函与短信」中填写预约热线",
  "letters.error.placeholder": "模板中有未知的占位符，请改为列出的占位符之一",
  "letters.error.entry": "名单中有已处理完毕或不存在的条目，请刷新后重试",
} as const;

export const en: Record<keyof typeof zhCN, string> = {
  "letters.default.letter": `Your regular maintenance reminder

Dear {title} {customer},

Thank you for choosing {store}. Our service records show that your car is now due for its regular maintenance. Servicing on time keeps your car in good condition and every journey worry-free.

Plate: {plate}
Last service: {lastServiceDate}, at {lastServiceKm} km
This service: around {dueDate}, or at {dueKm} km

Please call our booking hotline {hotline} to choose a time; booked customers use the priority lane at reception, with no waiting. Please bring your maintenance booklet.

If you have already had this service done, please ignore this letter. About two weeks after this letter our customer service will call you to ask whether you would like a booking.

With kind regards,

{generalManager}
General Manager, {store}
{letterDate}`,
  "letters.default.text": "{store}: Dear {title} {customer}, your car {plate} is due for maintenance on {dueDate} or at {dueKm} km. Book on {hotline} for the priority lane. Ignore if already done.",
  "letters.field.hotline": "Booking hotline",
  "letters.field.generalManager": "General manager",
  "letters.field.storeName": "Store name (on letters)",
  "letters.field.serviceIntervalKm": "Service interval (km)",
  "letters.field.followUpDays": "Follow-up call after (days)",
  "letters.field.letterTemplateZh": "Letter template (Chinese)",
  "letters.field.letterTemplateEn": "Letter template (English)",
  "letters.field.textTemplateZh": "Text template (Chinese)",
  "letters.field.textTemplateEn": "Text template (English)",
  "letters.field.hookUrl": "SMS gateway address (webhook)",
  "letters.field.entryIds": "List entries",
  "letters.field.kind": "Contact by",
  "letters.settings.title": "Letters and texts",
  "letters.settings.placeholders": "Placeholders you can use: {names}",
  "letters.settings.unknown": "Unknown placeholder: {names}",
  "letters.settings.preview": "Preview (a real customer from the register, {plate})",
  "letters.settings.previewNone": "The register has no vehicle yet, so there is nothing to preview",
  "letters.settings.save": "Save",
  "letters.settings.saved": "Letter and text settings saved",
  "letters.settings.hookNote": "Each text is POSTed here as JSON (phone, message); a failure is retried three times, and one that still fails is marked on the list",
  "letters.settings.managerOnly": "Only a manager may change the letter and text settings",
  "letters.print": "Print letters ({count})",
  "letters.texts": "Send texts ({count})",
  "letters.toast.letters": "{count} letters recorded; follow-up calls in about two weeks",
  "letters.toast.texts": "{count} texts recorded; follow-up calls in about two weeks",
  "letters.toast.retry": "The text is queued to send again",
  "letters.csv": "Download the texts as CSV",
  "letters.open": "Open the print page (batch {id}, {count} letters) and press Ctrl+P",
  "letters.printHint": "Print on A4; each letter takes one page",
  "letters.sent.letter": "letter sent {date}",
  "letters.sent.text": "text sent {date}",
  "letters.hook.pending": "sending",
  "letters.hook.sent": "handed to the gateway",
  "letters.hook.failed": "not sent: {error}",
  "letters.hook.none": "no gateway set up: download the CSV",
  "letters.retry": "Send again",
  "letters.batch.title": "Batch {id} ({count})",
  "letters.error.hotline": "Set the booking hotline first (Settings · Letters and texts)",
  "letters.error.placeholder": "The template has an unknown placeholder; use one of those listed",
  "letters.error.entry": "An entry is closed or no longer exists; reload the list and try again",
};
