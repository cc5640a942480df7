import { css } from "lit";

/**
 * Design tokens for the board, as CSS custom properties on the page root. Sizes follow the
 * viewport (1.25vw is 24 px at 1920 wide and 48 px at 3840), so a 4K TV shows the same board larger
 * rather than the same pixels in a corner. The dark theme is the default: every text colour on its
 * background keeps a contrast of at least 7:1 (checked by test/display/readability.test.ts).
 * Adopted by the document, the properties inherit into every board element's shadow root.
 */
export const themeTokens = css`
  :root {
    --mb-font: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "DejaVu Sans", sans-serif;
    --mb-font-size: max(24px, min(100vw / 80, 100vh / 45));
    --mb-gap: calc(var(--mb-font-size) * 0.2);
    --mb-radius: calc(var(--mb-font-size) * 0.3);
  }
  :root,
  :root[data-theme="dark"] {
    color-scheme: dark;
    --mb-bg: #0a0d12;
    --mb-surface: #121821;
    --mb-surface-past: #0d1117;
    --mb-line: #2b3645;
    --mb-text: #f4f7fb;
    --mb-text-muted: #c3ccd8;
    --mb-now: #ff5c8a;
    --mb-banner-bg: #ffd23f;
    --mb-banner-text: #111111;
    --mb-over: #ffd23f;

    --mb-card-bg: #1b2431;
    --mb-card-text: #f4f7fb;
    --mb-card-dim-bg: #141a22;
    --mb-card-dim-text: #c6ced8;
    --mb-card-late-bg: #3d1410;
    --mb-card-escalated-bg: #6b0f0f;
    --mb-card-arrived-bg: #0f3321;
    --mb-card-service-bg: #24183d;
    --mb-pill-text: #0a0d12;
    --mb-booked: #b9c6d8;
    --mb-confirmed: #8fcbff;
    --mb-grace: #ffd166;
    --mb-late: #ffa08c;
    --mb-escalated: #ffe14d;
    --mb-arrived: #62e59a;
    --mb-service: #cfb2ff;
    --mb-greeted: #7ee8fa;
    --mb-card-greeted-bg: #0d2f36;
    --mb-greeting-overdue: #ff8fe0;
    --mb-card-greeting-overdue-bg: #4a0b3a;
    --mb-mark: #ffd23f;
    --mb-completed: #a3adb9;
    --mb-no-show: #a3adb9;
    --mb-highlight: #ffffff;
  }
  :root[data-theme="light"] {
    color-scheme: light;
    --mb-bg: #eef1f5;
    --mb-surface: #ffffff;
    --mb-surface-past: #e3e7ed;
    --mb-line: #c5cdd8;
    --mb-text: #0b1017;
    --mb-text-muted: #384455;
    --mb-now: #d0004c;
    --mb-banner-bg: #1f2937;
    --mb-banner-text: #ffe14d;
    --mb-over: #b45309;

    --mb-card-bg: #f5f8fc;
    --mb-card-text: #0b1017;
    --mb-card-dim-bg: #e6eaef;
    --mb-card-dim-text: #3b4656;
    --mb-card-late-bg: #ffe6e1;
    --mb-card-escalated-bg: #ffc9c0;
    --mb-card-arrived-bg: #dcf7e7;
    --mb-card-service-bg: #ece3ff;
    --mb-pill-text: #ffffff;
    --mb-booked: #3d4b5f;
    --mb-confirmed: #0b5394;
    --mb-grace: #7a4a00;
    --mb-late: #a3231a;
    --mb-escalated: #7a0000;
    --mb-arrived: #0b6b35;
    --mb-service: #5b2aa8;
    --mb-greeted: #004f5c;
    --mb-card-greeted-bg: #d9f4f8;
    --mb-greeting-overdue: #80005a;
    --mb-card-greeting-overdue-bg: #ffe0f4;
    --mb-mark: #7a4a00;
    --mb-completed: #4d5866;
    --mb-no-show: #4d5866;
    --mb-highlight: #0b1017;
  }
`;
