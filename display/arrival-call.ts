import type { Appointment } from "../shared/schemas/appointment.js";
import type { Language } from "../shared/schemas/common.js";
import { t } from "../shared/i18n/board-messages.js";

/**
 * The line the walkie-talkie used to carry: "京A·12345 已到店，请服务顾问 B 接待". A public display
 * only holds masked cards (京A·***45, 张**), so it says what it has: the plate's last characters and
 * the surname, which is also all the card on the wall shows.
 */
export function arrivalCallText(lang: Language, a: Pick<Appointment, "plate" | "customerName" | "customerTitle">, advisorName: string): string {
  if (!a.plate.includes("*")) return t(lang, "display.call.full", { plate: a.plate, advisor: advisorName });
  const surname = Array.from(a.customerName.replace(/\*/g, ""))[0] ?? "";
  const customer = t(lang, `display.call.customer.${a.customerTitle}`, { surname });
  const tail = a.plate.split("*").pop() ?? "";
  return t(lang, "display.call.masked", { tail, customer, advisor: advisorName });
}

/** Announcements waiting beyond this are dropped: a burst of arrivals should not keep the room talking for minutes. */
const MAX_QUEUED = 3;

/**
 * A two-tone chime through WebAudio, then the line through the browser's speech synthesis. One
 * AudioContext for the page's lifetime. A kiosk browser must allow audio without a click
 * (Chromium: --autoplay-policy=no-user-gesture-required), or the call stays silent.
 */
export class ArrivalCaller {
  private audio: AudioContext | null = null;
  private queued = 0;

  announce(text: string, lang: Language): void {
    this.chime();
    if (!("speechSynthesis" in window)) return;
    if (speechSynthesis.pending && this.queued >= MAX_QUEUED) return;
    const u = new SpeechSynthesisUtterance(text);
    u.lang = lang;
    u.rate = 0.9;
    this.queued++;
    const done = () => {
      this.queued = Math.max(0, this.queued - 1);
    };
    u.onend = done;
    u.onerror = done;
    speechSynthesis.speak(u);
  }

  close(): void {
    void this.audio?.close().catch(() => undefined);
    this.audio = null;
    if ("speechSynthesis" in window) speechSynthesis.cancel();
    this.queued = 0;
  }

  private chime(): void {
    try {
      this.audio ??= new AudioContext();
      const ctx = this.audio;
      if (ctx.state === "suspended") void ctx.resume().catch(() => undefined);
      const start = ctx.currentTime + 0.05;
      for (const [i, freq] of [880, 659.25].entries()) {
        const osc = ctx.createOscillator();
        const gain = ctx.createGain();
        osc.type = "sine";
        osc.frequency.value = freq;
        const at = start + i * 0.35;
        gain.gain.setValueAtTime(0.0001, at);
        gain.gain.exponentialRampToValueAtTime(0.4, at + 0.03);
        gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.6);
        osc.connect(gain).connect(ctx.destination);
        osc.start(at);
        osc.stop(at + 0.65);
      }
    } catch {
      // no audio device: the spoken line may still work, and the card still turns 已到店
    }
  }
}
