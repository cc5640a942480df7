import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maskPlate } from "../../shared/rules/mask.js";
import { normalizePlate } from "../../shared/rules/plate.js";
import { arrivalCallText } from "../../display/arrival-call.js";

/**
 * The public TV shows every plate masked. A masked plate keeps at most half of what identifies it:
 * the region (province and city letter, 京A) counts as one, since it names a city, not a car. The
 * tail comes first, because the guide finds the car by it ("尾号 45").
 */
const TABLE: [form: string, typed: string, masked: string][] = [
  ["ordinary", "京A·12345", "京A·***45"],
  ["ordinary, letters in the serial", "京N·8K2L1", "京N·***L1"],
  ["ordinary, typed without the dot", "沪b 77889", "沪B·***89"],
  ["new-energy, small car", "京B·D12345", "京B·***45"],
  ["new-energy, large vehicle", "京A·12345D", "京A·***5D"],
  ["old new-energy / short serial", "沪B·D1234", "沪B·***34"],
  ["mainland, one character short", "京A1234", "***34"],
  ["police", "京A·1234警", "京A·***34"],
  ["driving school", "京A·1234学", "京A·***34"],
  ["trailer", "冀A·1234挂", "冀A·***34"],
  ["consulate", "沪A·1234领", "沪A·***34"],
  ["embassy", "使014·578", "***78"],
  ["armed police", "WJ京·12345", "***45"],
  ["army-like (two letters)", "KA·12345", "***45"],
  ["Guangdong–Hong Kong cross-border", "粤Z·1234港", "粤Z·***34"],
  ["Guangdong–Macau cross-border", "粤Z·A123澳", "粤Z·***23"],
  ["Hong Kong", "AB 1234", "***34"],
  ["Hong Kong, personalised", "HK 1", "***1"],
  ["Macau", "MA-12-34", "***34"],
  ["Macau, old", "M-12-34", "***34"],
  ["foreign, five characters", "AB123", "***23"],
  ["foreign, Germany", "B-MW 1234", "***34"],
  ["foreign, UK", "AB12 CDE", "***DE"],
  ["foreign, USA", "7ABC123", "***23"],
  ["2 characters", "X1", "***1"],
  ["3 characters", "X12", "***2"],
  ["4 characters", "AB12", "***12"],
  ["12 characters", "ABCDEFGH1234", "***34"],
];

const REGION = /^\p{Script=Han}[A-Z]/u;

/** What a masked plate still tells about the car: the region counts as one, each other visible character as one. */
function keptOf(masked: string): number {
  const shown = masked.replace("***", "").replace("·", "");
  return REGION.test(shown) ? Array.from(shown).length - 1 : Array.from(shown).length;
}

function identifyingOf(plate: string): number {
  const compact = plate.replace(/·/g, "");
  return REGION.test(compact) ? Array.from(compact).length - 1 : Array.from(compact).length;
}

describe("masking plates for the public display", () => {
  for (const [form, typed, masked] of TABLE) {
    it(`${form}: ${typed} → ${masked}`, () => {
      const stored = normalizePlate(typed);
      expect(maskPlate(stored)).toBe(masked);
      expect(keptOf(masked)).toBeLessThanOrEqual(Math.floor(identifyingOf(stored) / 2));
    });
  }

  it("keeps at most half of any plate of 2–12 characters, as a tail of it, never more than two of its last characters", () => {
    const char = fc.constantFrom(..."京沪粤冀津警学港澳领使ABCDEFGHJKLMNPQRSTUVWXYZ0123456789".split(""));
    fc.assert(
      fc.property(fc.array(char, { minLength: 2, maxLength: 12 }), (chars) => {
        const plate = normalizePlate(chars.join(""));
        const masked = maskPlate(plate);
        expect(masked).toContain("***");
        expect(keptOf(masked)).toBeLessThanOrEqual(Math.floor(identifyingOf(plate) / 2));
        // apart from a region, only characters that end the plate (before a class mark) show
        const tail = masked.split("***")[1]!;
        expect(Array.from(tail).length).toBeLessThanOrEqual(2);
        expect(plate.replace(/\p{Script=Han}$/u, "").endsWith(tail) || plate.endsWith(tail)).toBe(true);
        // without a region, at most half of the characters themselves
        if (!REGION.test(plate)) expect(Array.from(masked.replace(/[*·]/g, "")).length).toBeLessThanOrEqual(Math.floor(Array.from(plate).length / 2));
      }),
      { numRuns: 2000 },
    );
  });

  it("still lets the TV call the tail of any masked plate", () => {
    for (const [, typed, masked] of TABLE) {
      const text = arrivalCallText("zh-CN", { plate: maskPlate(normalizePlate(typed)), customerName: "张**", customerTitle: "mr" }, "服务顾问 A");
      expect(text, typed).toContain(`尾号 ${masked.split("***")[1]}`);
    }
  });
});
