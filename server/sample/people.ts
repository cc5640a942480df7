import type { AppointmentInput, AppointmentSource, CustomerTitle } from "../../shared/schemas/appointment.js";
import type { BayKind } from "../../shared/schemas/bay.js";
import type { Random } from "./seeded-random.js";

// Customers, cars and jobs of a busy reception in Beijing, drawn from a seeded generator: the same
// seed gives the same day. Frequencies follow real life roughly: common surnames first, most cars
// local (京), about a third new-energy, most visits maintenance.

/** The hundred commonest surnames, commonest first (draws favour the front), and a few two-character ones. */
const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
const COMPOUND_SURNAMES = ["欧阳", "司马", "上官", "诸葛", "东方"];
const GIVEN_MALE = ["伟", "强", "磊", "军", "洋", "勇", "杰", "涛", "明", "超", "刚", "辉", "鹏", "飞", "斌", "宇", "浩", "凯", "健", "帆", "建国", "建华", "志强", "志明", "海涛", "晓东", "文博", "子轩", "浩然", "宇航", "俊杰", "国平", "永刚", "立新"];
const GIVEN_FEMALE = ["芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "燕", "玲", "婷", "雪", "慧", "莹", "倩", "琳", "颖", "洁", "欣怡", "雨萱", "梓涵", "诗琪", "晓燕", "丽娟", "美玲", "秀英", "桂英", "玉兰", "春梅", "海燕", "静怡", "思琪"];
/** Company cars come in under the company's name, with no 先生 / 女士. */
const FLEETS = ["京东物流车队", "顺丰速运", "首汽约车", "北京银行车队", "链家地产"];

/** Plate regions around a Beijing site: mostly 京, then the neighbours, then anywhere. */
const REGIONS: { region: string; letters: string; weight: number }[] = [
  { region: "京", letters: "ABCEFGHJKLMNPQY", weight: 75 },
  { region: "冀", letters: "ABCDEFGHJR", weight: 10 },
  { region: "津", letters: "ABCDEFGH", weight: 5 },
  { region: "沪", letters: "ABCD", weight: 2 },
  { region: "粤", letters: "AB", weight: 2 },
  { region: "鲁", letters: "AB", weight: 1 },
  { region: "晋", letters: "A", weight: 1 },
  { region: "豫", letters: "A", weight: 1 },
  { region: "辽", letters: "A", weight: 1 },
  { region: "苏", letters: "AE", weight: 1 },
  { region: "浙", letters: "A", weight: 1 },
];
/** Plate letters leave out I and O, which read as 1 and 0. */
const PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";

export interface Vehicle {
  model: string;
  /** "ev" plates start with D, "phev" (plug-in and range-extended) with F; "ice" cars get ordinary plates. */
  power: "ice" | "ev" | "phev";
}

const VEHICLES: Vehicle[] = [
  { model: "大众 帕萨特", power: "ice" },
  { model: "大众 途观L", power: "ice" },
  { model: "大众 朗逸", power: "ice" },
  { model: "丰田 凯美瑞", power: "ice" },
  { model: "丰田 卡罗拉", power: "ice" },
  { model: "丰田 RAV4荣放", power: "ice" },
  { model: "本田 雅阁", power: "ice" },
  { model: "本田 CR-V", power: "ice" },
  { model: "日产 轩逸", power: "ice" },
  { model: "别克 GL8", power: "ice" },
  { model: "奥迪 A4L", power: "ice" },
  { model: "奥迪 Q5L", power: "ice" },
  { model: "宝马 3系", power: "ice" },
  { model: "宝马 5系", power: "ice" },
  { model: "奔驰 C级", power: "ice" },
  { model: "奔驰 E级", power: "ice" },
  { model: "马自达 CX-5", power: "ice" },
  { model: "吉利 星越L", power: "ice" },
  { model: "长安 CS75 PLUS", power: "ice" },
  { model: "哈弗 H6", power: "ice" },
  { model: "红旗 H5", power: "ice" },
  { model: "比亚迪 汉 EV", power: "ev" },
  { model: "比亚迪 海豹", power: "ev" },
  { model: "特斯拉 Model 3", power: "ev" },
  { model: "特斯拉 Model Y", power: "ev" },
  { model: "蔚来 ES6", power: "ev" },
  { model: "小鹏 P7", power: "ev" },
  { model: "极氪 001", power: "ev" },
  { model: "小米 SU7", power: "ev" },
  { model: "比亚迪 宋PLUS DM-i", power: "phev" },
  { model: "比亚迪 秦PLUS DM-i", power: "phev" },
  { model: "理想 L7", power: "phev" },
  { model: "理想 L9", power: "phev" },
  { model: "问界 M7", power: "phev" },
];

/** What a customer books, with what it takes in the workshop and what the day before must prepare. */
export interface Job {
  work: string;
  source: AppointmentSource;
  initiatedBy: "dealer" | "customer";
  /** Workshop minutes, for the estimate and for when the car is done. */
  minutes: number;
  bay: BayKind;
  parts?: boolean;
  roadTest?: boolean;
  repeatRepair?: boolean;
  complaint?: boolean;
  /** A maintenance job's mileage, in km; others get a mileage for the car's age. */
  km?: number;
  /** Jobs that only some drivetrains have. */
  only?: Vehicle["power"][];
  /** How many of the day's jobs are this one, relative to the others. */
  weight: number;
  notes?: string;
}

const JOBS: Job[] = [
  { work: "首次保养", source: "regular_maintenance", initiatedBy: "dealer", minutes: 45, bay: "quick_service", parts: true, km: 5_000, weight: 6 },
  { work: "1万公里保养", source: "regular_maintenance", initiatedBy: "dealer", minutes: 50, bay: "quick_service", parts: true, km: 10_000, weight: 14 },
  { work: "2万公里保养", source: "regular_maintenance", initiatedBy: "dealer", minutes: 60, bay: "quick_service", parts: true, km: 20_000, weight: 10 },
  { work: "3万公里保养 + 更换空调滤芯", source: "regular_maintenance", initiatedBy: "dealer", minutes: 70, bay: "quick_service", parts: true, km: 30_000, weight: 8 },
  { work: "4万公里保养，更换刹车油", source: "regular_maintenance", initiatedBy: "dealer", minutes: 90, bay: "quick_service", parts: true, km: 40_000, weight: 6 },
  { work: "6万公里保养，更换火花塞", source: "regular_maintenance", initiatedBy: "dealer", minutes: 120, bay: "general_repair", parts: true, km: 60_000, only: ["ice", "phev"], weight: 4 },
  { work: "电池健康检测", source: "regular_maintenance", initiatedBy: "customer", minutes: 40, bay: "diagnosis", only: ["ev", "phev"], weight: 4 },
  { work: "刹车异响", source: "customer_inquiry", initiatedBy: "customer", minutes: 60, bay: "general_repair", roadTest: true, weight: 6 },
  { work: "刹车异响，更换前刹车片", source: "customer_inquiry", initiatedBy: "customer", minutes: 80, bay: "general_repair", parts: true, roadTest: true, weight: 3 },
  { work: "空调不制冷", source: "customer_inquiry", initiatedBy: "customer", minutes: 60, bay: "general_repair", weight: 3 },
  { work: "发动机故障灯亮，诊断", source: "customer_inquiry", initiatedBy: "customer", minutes: 90, bay: "diagnosis", roadTest: true, only: ["ice", "phev"], weight: 3 },
  { work: "方向盘抖动，四轮定位", source: "customer_inquiry", initiatedBy: "customer", minutes: 60, bay: "general_repair", roadTest: true, weight: 2 },
  { work: "胎压报警，补胎", source: "customer_inquiry", initiatedBy: "customer", minutes: 30, bay: "quick_service", weight: 3 },
  { work: "更换四条轮胎 + 四轮定位", source: "customer_inquiry", initiatedBy: "customer", minutes: 90, bay: "general_repair", parts: true, weight: 2 },
  { work: "蓄电池亏电，更换电瓶", source: "customer_inquiry", initiatedBy: "customer", minutes: 30, bay: "quick_service", parts: true, weight: 2 },
  { work: "中控屏黑屏", source: "customer_inquiry", initiatedBy: "customer", minutes: 60, bay: "diagnosis", weight: 2 },
  { work: "充电口故障检查", source: "customer_inquiry", initiatedBy: "customer", minutes: 60, bay: "diagnosis", only: ["ev", "phev"], weight: 2 },
  { work: "召回：后视镜软件升级", source: "recall", initiatedBy: "dealer", minutes: 40, bay: "quick_service", weight: 3 },
  { work: "召回：更换燃油泵", source: "recall", initiatedBy: "dealer", minutes: 120, bay: "general_repair", parts: true, only: ["ice", "phev"], weight: 2 },
  { work: "技术升级：电池管理系统", source: "recall", initiatedBy: "dealer", minutes: 60, bay: "diagnosis", only: ["ev", "phev"], weight: 2 },
  { work: "服务活动：底盘免费检测", source: "service_campaign", initiatedBy: "dealer", minutes: 30, bay: "quick_service", weight: 3 },
  { work: "洗车 + 内饰清洁", source: "service_campaign", initiatedBy: "customer", minutes: 45, bay: "wash", weight: 2 },
  { work: "备件到店：更换左前大灯总成", source: "parts_arrived", initiatedBy: "dealer", minutes: 90, bay: "general_repair", parts: true, weight: 2 },
  { work: "备件到店：更换天窗电机", source: "parts_arrived", initiatedBy: "dealer", minutes: 120, bay: "general_repair", parts: true, weight: 1 },
  { work: "返修：变速箱换挡顿挫复查", source: "unresolved_fault", initiatedBy: "dealer", minutes: 120, bay: "diagnosis", roadTest: true, repeatRepair: true, only: ["ice", "phev"], weight: 1 },
  { work: "返修：底盘异响未排除", source: "unresolved_fault", initiatedBy: "dealer", minutes: 90, bay: "general_repair", roadTest: true, repeatRepair: true, weight: 1 },
  { work: "投诉：上次保养后漏油", source: "unresolved_fault", initiatedBy: "customer", minutes: 90, bay: "general_repair", complaint: true, notes: "客户要求服务经理接待", weight: 1 },
  { work: "钣喷：右后门划痕修复", source: "customer_inquiry", initiatedBy: "customer", minutes: 240, bay: "body_paint", weight: 2 },
  { work: "年检前检测", source: "regular_maintenance", initiatedBy: "dealer", minutes: 40, bay: "quick_service", weight: 2 },
];

/** Notes a desk writes now and then. */
const NOTES = ["客户在休息区等候", "需要代步车", "顺便洗车", "客户赶时间，请优先接待", "带保养手册", "上午送车，下午取车"];

function weighted<T extends { weight: number }>(rnd: Random, xs: readonly T[]): T {
  let r = rnd.next() * xs.reduce((n, x) => n + x.weight, 0);
  for (const x of xs) if ((r -= x.weight) < 0) return x;
  return xs[xs.length - 1]!;
}

/** Commoner surnames more often: the i-th of n is drawn about twice as often as the (i + n/4)-th. */
function surname(rnd: Random): string {
  if (rnd.chance(0.02)) return rnd.pick(COMPOUND_SURNAMES);
  const i = Math.floor(SURNAMES.length * rnd.next() ** 2);
  return [...SURNAMES][i]!;
}

export function personName(rnd: Random, title: CustomerTitle): string {
  return surname(rnd) + rnd.pick(title === "ms" ? GIVEN_FEMALE : GIVEN_MALE);
}

/** A plate in one of the real forms: 京A·12345, 京N·8K2L1, 京A·D12345 (new-energy), 京A·DF1234, 京A·12345D (large new-energy). */
export function plate(rnd: Random, power: Vehicle["power"]): string {
  const { region, letters } = weighted(rnd, REGIONS);
  const prefix = `${region}${rnd.pick([...letters])}·`;
  const digit = () => String(rnd.int(0, 9));
  const letter = () => rnd.pick([...PLATE_LETTERS]);
  if (power !== "ice") {
    const kind = power === "ev" ? "D" : "F";
    if (rnd.chance(0.05)) return prefix + Array.from({ length: 5 }, digit).join("") + kind;
    const second = rnd.chance(0.2) ? letter() : digit();
    return prefix + kind + second + Array.from({ length: 4 }, digit).join("");
  }
  // an ordinary plate: five characters, at most two of them letters
  const chars = Array.from({ length: 5 }, digit);
  const letterCount = rnd.chance(0.55) ? 0 : rnd.int(1, 2);
  for (let n = 0; n < letterCount; n++) chars[rnd.int(0, 4)] = letter();
  return prefix + chars.join("");
}

function phone(rnd: Random): string {
  const head = rnd.pick(["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155", "156", "158", "159", "166", "177", "180", "186", "188", "189", "199"]);
  const four = () => String(rnd.int(0, 9999)).padStart(4, "0");
  return `${head} ${four()} ${four()}`;
}

/** The customer, car and job of one booking; who, when and where it is booked is the caller's. */
export type Booking = Pick<
  AppointmentInput,
  "customerName" | "customerTitle" | "phone" | "plate" | "vehicleModel" | "mileageKm" | "workRequested" | "source" | "initiatedBy" | "estimatedMinutes" | "estimatedAmount" | "notes"
> & { job: Job };

/**
 * One customer with a car and a job. `taken` holds the plates and names already on the day, so
 * nobody appears twice; a company car (about one in fifty) has no 先生 / 女士.
 */
export function booking(rnd: Random, taken: Set<string>): Booking {
  const vehicle = rnd.pick(VEHICLES);
  const job = weighted(rnd, JOBS.filter((j) => !j.only || j.only.includes(vehicle.power)));
  const fleet = rnd.chance(0.02);
  const title: CustomerTitle = fleet ? "none" : rnd.chance(0.62) ? "mr" : "ms";
  let customerName = fleet ? rnd.pick(FLEETS) : personName(rnd, title);
  for (let n = 0; taken.has(`name:${customerName}`) && !fleet && n < 20; n++) customerName = personName(rnd, title);
  let p = plate(rnd, vehicle.power);
  while (taken.has(`plate:${p}`)) p = plate(rnd, vehicle.power);
  taken.add(`name:${customerName}`);
  taken.add(`plate:${p}`);
  const km = job.km !== undefined ? job.km + rnd.int(-600, 900) : rnd.int(8, 180) * 1_000 + rnd.int(0, 999);
  return {
    job,
    customerName,
    customerTitle: title,
    phone: phone(rnd),
    plate: p,
    vehicleModel: vehicle.model,
    mileageKm: Math.max(300, km),
    workRequested: job.work,
    source: job.source,
    initiatedBy: job.initiatedBy,
    estimatedMinutes: job.minutes,
    // labour and parts, rounded to ten yuan as an estimate is
    estimatedAmount: Math.round((job.minutes * 6 + (job.parts ? rnd.int(200, 1800) : 0)) / 10) * 10,
    notes: job.notes ?? (rnd.chance(0.08) ? rnd.pick(NOTES) : ""),
  };
}

/** Advisors as the reception names them: a letter on the paper board, then the person. */
const ADVISOR_NAMES = ["王磊", "李娜", "陈晨", "赵敏", "刘洋", "张婷", "孙浩", "周杰", "吴静", "郑伟", "黄丽", "徐鹏", "马超", "朱琳", "胡斌", "郭靖", "何欣", "高峰", "林悦", "罗刚", "梁爽", "宋佳", "谢飞", "唐颖", "韩冰", "冯涛", "邓丽", "曹阳", "彭程", "曾敏"];
const ADVISOR_COLOURS = ["#4f8cff", "#2fbf71", "#f5a524", "#c86bfa", "#ff6b6b", "#20c5c5", "#e879b9", "#9bd14b", "#ff9f43", "#7c8cff", "#34d3a0", "#d6a756"];

/** A, B … Z, then AA, AB …, as a paper board runs on. */
function advisorLetter(i: number): string {
  return i < 26 ? String.fromCharCode(65 + i) : `${String.fromCharCode(64 + Math.floor(i / 26))}${String.fromCharCode(65 + (i % 26))}`;
}

export function advisorName(i: number): string {
  return `服务顾问 ${advisorLetter(i)} · ${ADVISOR_NAMES[i % ADVISOR_NAMES.length]}`;
}

export function advisorColour(i: number): string {
  return ADVISOR_COLOURS[i % ADVISOR_COLOURS.length]!;
}
