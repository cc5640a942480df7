import type { AdvisorInput } from "../../shared/schemas/advisor.js";
import type { BayInput } from "../../shared/schemas/bay.js";
import type { AppointmentInput, AppointmentStatus } from "../../shared/schemas/appointment.js";
import { formatMinutesOfDay, minutesOfDay } from "../../shared/rules/time-of-day.js";
import { storyAt, type PlannedCard } from "./card-story.js";

/** The paper board's four advisors. */
export const SAMPLE_ADVISORS: AdvisorInput[] = [
  { name: "服务顾问 A · 王磊", color: "#4f8cff", displayOrder: 1 },
  { name: "服务顾问 B · 李娜", color: "#2fbf71", displayOrder: 2 },
  { name: "服务顾问 C · 陈晨", color: "#f5a524", displayOrder: 3 },
  { name: "服务顾问 D · 赵敏", color: "#c86bfa", displayOrder: 4 },
];

export const SAMPLE_BAYS: BayInput[] = [
  { name: "1号 快保工位", kind: "quick_service" },
  { name: "2号 快保工位", kind: "quick_service" },
  { name: "3号 机修工位", kind: "general_repair" },
  { name: "4号 机修工位", kind: "general_repair" },
  { name: "5号 诊断工位", kind: "diagnosis" },
  { name: "6号 钣喷工位", kind: "body_paint" },
];

type Customer = Pick<AppointmentInput, "customerName" | "customerTitle" | "phone" | "plate" | "vehicleModel" | "mileageKm" | "workRequested" | "source" | "initiatedBy">;

const CUSTOMERS: Customer[] = [
  { customerName: "张伟", customerTitle: "mr", phone: "138 1024 5567", plate: "京A·12345", vehicleModel: "大众 帕萨特", mileageKm: 10_230, workRequested: "1万公里常规保养", source: "regular_maintenance", initiatedBy: "dealer" },
  { customerName: "王芳", customerTitle: "ms", phone: "139 1166 2048", plate: "京B·D12345", vehicleModel: "比亚迪 汉 EV", mileageKm: 32_500, workRequested: "空调制冷不足检查", source: "customer_inquiry", initiatedBy: "customer" },
  { customerName: "李强", customerTitle: "mr", phone: "136 0101 7788", plate: "京N·8K2L1", vehicleModel: "丰田 凯美瑞", mileageKm: 58_900, workRequested: "刹车异响，更换前刹车片", source: "unresolved_fault", initiatedBy: "dealer" },
  { customerName: "刘洋", customerTitle: "mr", phone: "137 8899 1200", plate: "沪B·D1234", vehicleModel: "特斯拉 Model 3", mileageKm: 21_000, workRequested: "召回活动：后视镜软件升级", source: "recall", initiatedBy: "dealer" },
  { customerName: "陈静", customerTitle: "ms", phone: "135 2233 4455", plate: "京Q·6T7Y8", vehicleModel: "本田 雅阁", mileageKm: 40_120, workRequested: "4万公里保养 + 更换空调滤芯", source: "regular_maintenance", initiatedBy: "dealer" },
  { customerName: "杨帆", customerTitle: "mr", phone: "186 1000 2233", plate: "京E·55Z66", vehicleModel: "宝马 3系", mileageKm: 75_400, workRequested: "备件到店：更换左前大灯总成", source: "parts_arrived", initiatedBy: "dealer" },
  { customerName: "赵丽", customerTitle: "ms", phone: "131 4567 8901", plate: "冀A·3M9Q2", vehicleModel: "日产 轩逸", mileageKm: 15_800, workRequested: "首次保养", source: "regular_maintenance", initiatedBy: "customer" },
  { customerName: "黄磊", customerTitle: "mr", phone: "158 9012 3456", plate: "京F·77A21", vehicleModel: "奥迪 A4L", mileageKm: 88_000, workRequested: "发动机故障灯亮，诊断", source: "customer_inquiry", initiatedBy: "customer" },
  { customerName: "周敏", customerTitle: "ms", phone: "159 3344 5566", plate: "京G·D88996", vehicleModel: "理想 L7", mileageKm: 9_600, workRequested: "服务活动：底盘免费检测", source: "service_campaign", initiatedBy: "dealer" },
  { customerName: "吴军", customerTitle: "mr", phone: "133 6677 8899", plate: "京H·2C3D4", vehicleModel: "别克 君威", mileageKm: 120_300, workRequested: "返修：变速箱换挡顿挫复查", source: "unresolved_fault", initiatedBy: "dealer" },
  { customerName: "徐婷", customerTitle: "ms", phone: "188 2345 6789", plate: "津C·K5521", vehicleModel: "马自达 CX-5", mileageKm: 47_750, workRequested: "更换四条轮胎 + 四轮定位", source: "customer_inquiry", initiatedBy: "customer" },
  { customerName: "孙浩", customerTitle: "mr", phone: "177 1122 3344", plate: "京J·9R8T7", vehicleModel: "大众 途观L", mileageKm: 66_000, workRequested: "6万公里保养，更换火花塞", source: "regular_maintenance", initiatedBy: "dealer" },
  { customerName: "马丽", customerTitle: "ms", phone: "132 9988 7766", plate: "京K·D55667", vehicleModel: "蔚来 ES6", mileageKm: 28_400, workRequested: "技术升级：电池管理系统", source: "recall", initiatedBy: "dealer" },
  { customerName: "朱勇", customerTitle: "mr", phone: "150 5566 7788", plate: "京L·4F5G6", vehicleModel: "雪佛兰 迈锐宝", mileageKm: 99_100, workRequested: "投诉：上次保养后漏油", source: "unresolved_fault", initiatedBy: "customer" },
  { customerName: "胡静怡", customerTitle: "ms", phone: "151 2020 3030", plate: "京M·6H7J8", vehicleModel: "丰田 RAV4", mileageKm: 36_600, workRequested: "钣喷：右后门划痕修复", source: "customer_inquiry", initiatedBy: "customer" },
  { customerName: "郭涛", customerTitle: "mr", phone: "152 4040 5050", plate: "京P·1Q2W3", vehicleModel: "现代 索纳塔", mileageKm: 52_300, workRequested: "年检前检测", source: "regular_maintenance", initiatedBy: "dealer" },
  { customerName: "林晓", customerTitle: "ms", phone: "153 6060 7070", plate: "粤B·D66789", vehicleModel: "小鹏 P7", mileageKm: 18_900, workRequested: "充电口故障检查", source: "customer_inquiry", initiatedBy: "customer" },
  { customerName: "何军", customerTitle: "mr", phone: "155 8080 9090", plate: "京C·3E4R5", vehicleModel: "福特 蒙迪欧", mileageKm: 140_000, workRequested: "更换正时皮带", source: "parts_arrived", initiatedBy: "dealer" },
  { customerName: "高雅", customerTitle: "ms", phone: "156 1212 3434", plate: "京D·5T6Y7", vehicleModel: "奔驰 C级", mileageKm: 25_000, workRequested: "2.5万公里保养", source: "regular_maintenance", initiatedBy: "dealer" },
  { customerName: "罗斌", customerTitle: "mr", phone: "157 5656 7878", plate: "京A·7U8I9", vehicleModel: "吉利 星越L", mileageKm: 33_000, workRequested: "洗车 + 内饰清洁", source: "service_campaign", initiatedBy: "customer" },
];

/** Cards placed relative to the moment the sample is made, so a first look is alive at any hour. */
const AROUND_NOW: Record<number, number> = { 3: -25, 9: -20, 5: -40, 11: -10, 16: -3 };
const LATE = new Set([3, 9]);

/**
 * About twenty cards spread over the opening hours: the ones before `now` have arrived or
 * finished, two were due 20–25 minutes ago so the clock marks them 延时到店, a few have just
 * arrived, and the rest are still to come. Outside opening hours the cards around now stand
 * outside the grid's hours, as a real late-evening booking would. `now` counts minutes from the
 * day's midnight; on another day than today the cards keep their planned times and are still to come.
 */
/** The sample's job categories follow what each booking is for. */
const SAMPLE_CATEGORIES: Record<Customer["source"] & string, string> = {
  regular_maintenance: "maintenance",
  service_campaign: "maintenance",
  recall: "recall",
  parts_arrived: "mechanical",
  unresolved_fault: "mechanical",
  customer_inquiry: "diagnosis",
};

export function sampleCards(openTime: string, closeTime: string, now: number): PlannedCard[] {
  const nowMinutes = now >= 0 && now < 24 * 60 ? now : -1;
  const open = minutesOfDay(openTime);
  const close = minutesOfDay(closeTime);
  const span = close - open - 60;
  return CUSTOMERS.map((c, i): PlannedCard => {
    const late = LATE.has(i);
    const planned = open + Math.floor((span * i) / CUSTOMERS.length / 30) * 30;
    const offset = AROUND_NOW[i];
    const near = offset === undefined || nowMinutes < 0 ? -1 : Math.floor((nowMinutes + offset) / 5) * 5;
    const start = near >= 0 ? near : planned;
    const then: AppointmentStatus = late && near >= 0
      ? "booked"
      : start + 90 < nowMinutes
        ? i % 7 === 0
          ? "no_show"
          : "completed"
        : start + 30 < nowMinutes
          ? i % 2 === 0
            ? "in_service"
            : "arrived"
          : start - 5 < nowMinutes
            ? "arrived"
            : i % 3 === 0
              ? "booked"
              : "confirmed";
    return {
      advisor: i % SAMPLE_ADVISORS.length,
      bay: i % 5 === 4 ? null : i % SAMPLE_BAYS.length,
      story: storyAt(then, start, now, i),
      input: {
        ...c,
        startTime: formatMinutesOfDay(start),
        durationMinutes: i % 4 === 2 ? 120 : 60,
        jobCategory: SAMPLE_CATEGORIES[c.source ?? "customer_inquiry"],
        estimatedMinutes: i % 4 === 2 ? 120 : 60,
        estimatedAmount: 300 + ((i * 173) % 2400),
        notes: i === 13 ? "客户要求服务经理接待" : "",
        preparation: {
          partsNeeded: i % 3 !== 2,
          partsReady: i % 3 === 0,
          repeatRepair: i === 9,
          complaint: i === 13,
          needsRoadTest: i === 2 || i === 9,
        },
      },
    };
  });
}
