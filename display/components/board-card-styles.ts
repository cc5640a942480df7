import { css } from "lit";

/**
 * The card's look, once in the stylesheet of the component that holds the cards (the grid, the
 * editor's board for its dragged copy): a card has no shadow root of its own, so every rule is
 * scoped by `board-card` and never reaches the host's own elements (the grid has a `.head` row too).
 * How many lines a card shows is a class its host computed from the cell's size (card-fit.ts),
 * not a container query the browser evaluates card by card.
 */
export const boardCardStyles = css`
  board-card {
    display: block;
    min-width: 0;
    min-height: 0;
    font-size: var(--mb-font-size);
    line-height: 1.2;
    color: var(--mb-card-text);
    --tone: var(--mb-booked);
    --card-bg: var(--mb-card-bg);
  }
  /* the card's size never follows its text: a changed card is laid out alone, not the whole board around it */
  board-card .card {
    contain: strict;
    box-sizing: border-box;
    height: 100%;
    overflow: hidden;
    padding: 0.1em 0.2em 0.1em 0.25em;
    line-height: 1.1em;
    border-radius: var(--mb-radius);
    background: var(--card-bg);
    border-left: 0.22em solid var(--tone);
    display: flex;
    flex-direction: column;
  }
  board-card[tone="confirmed"] { --tone: var(--mb-confirmed); }
  board-card[tone="grace"] { --tone: var(--mb-grace); }
  board-card[tone="late"] { --tone: var(--mb-late); --card-bg: var(--mb-card-late-bg); }
  board-card[tone="late-escalated"] { --tone: var(--mb-escalated); --card-bg: var(--mb-card-escalated-bg); }
  board-card[tone="arrived"] { --tone: var(--mb-arrived); --card-bg: var(--mb-card-arrived-bg); }
  board-card[tone="in_service"] { --tone: var(--mb-service); --card-bg: var(--mb-card-service-bg); }
  board-card[tone="greeted"] { --tone: var(--mb-greeted); --card-bg: var(--mb-card-greeted-bg); }
  /* 迎接超时: its own colour, a thick outline, the ‼ icon and the word 未出迎, so it never rests on colour alone */
  board-card[tone="greeting_overdue"] { --tone: var(--mb-greeting-overdue); --card-bg: var(--mb-card-greeting-overdue-bg); }
  board-card[tone="greeting_overdue"] .card {
    outline: 0.16em solid var(--mb-greeting-overdue);
    outline-offset: -0.16em;
  }
  board-card[tone="greeting_overdue"] .status .pill {
    font-size: 1.05em;
    letter-spacing: 0.05em;
  }
  board-card .mark {
    border: 0.06em solid var(--mb-mark);
    color: var(--mb-mark);
    border-radius: 0.2em;
    padding: 0 0.12em;
    margin-right: 0.2em;
    font-weight: 700;
  }
  board-card[tone="completed"],
  board-card[tone="no_show"],
  board-card[tone="cancelled"] {
    --tone: var(--mb-completed);
    --card-bg: var(--mb-card-dim-bg);
    color: var(--mb-card-dim-text);
  }
  board-card[tone="no_show"] .plate,
  board-card[tone="no_show"] .customer {
    text-decoration: line-through;
  }
  board-card[tone="late-escalated"] .card {
    outline: 0.12em solid var(--mb-escalated);
    outline-offset: -0.12em;
  }
  /*
   * A changed card shows a ring that blinks: on and off with the board's one timer
   * (highlight-blink.ts sets data-blink on the board), painted with the card. No animation and no
   * box of its own: an animated ring per card was a compositor layer each, which every frame of a
   * busy board restyled, layerized and committed while it flashed.
   */
  board-card[highlighted] .card {
    box-shadow: 0 0 0 0.15em var(--mb-highlight);
  }
  [data-blink="off"] board-card[highlighted] .card {
    box-shadow: none;
  }
  @media (prefers-reduced-motion: reduce) {
    [data-blink="off"] board-card[highlighted] .card {
      box-shadow: 0 0 0 0.15em var(--mb-highlight);
    }
  }
  /*
   * Every line is exactly one line high, so the card's height says how many fit (card-fit.ts). A line
   * does not clip: the card does. A clip is a paint chunk of its own, which every frame of a TV
   * layerizes: five a card made the busy board's frames dearer on a slow TV. The lines that can be
   * too long (the status with its marks, the customer) and the parts cut short with an ellipsis keep theirs.
   */
  board-card .line {
    height: 1.1em;
    line-height: 1.1em;
    white-space: nowrap;
    min-width: 0;
    flex: none;
  }
  board-card .status,
  board-card .customer {
    overflow: hidden;
  }
  board-card .head,
  board-card .status,
  board-card .plate-work {
    display: flex;
    gap: 0.3em;
  }
  board-card .head {
    justify-content: space-between;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  board-card .icon {
    color: var(--tone);
    flex: none;
  }
  board-card .status {
    font-weight: 700;
  }
  board-card .pill {
    flex: none;
    background: var(--tone);
    color: var(--mb-pill-text);
    border-radius: 0.2em;
    padding: 0 0.12em;
  }
  board-card .warn {
    color: var(--mb-over);
    font-weight: 700;
  }
  board-card .dot {
    /* CJK fonts draw the plate's "·" full width; a Latin font's keeps 京A·***45 within a narrow card */
    font-family: Arial, "Helvetica Neue", "DejaVu Sans", sans-serif;
  }
  /* the parts a narrow card may shorten: the late minutes, the work and the bay; everything else is whole or not shown */
  board-card .detail,
  board-card .work,
  board-card .bay {
    font-variant-numeric: tabular-nums;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  board-card .plate {
    flex: none;
  }
  board-card .plate.tail {
    display: none;
  }
  /* lines by priority: time, status word, customer, plate and work, bay; what does not fit is not shown, never cut in half */
  .card.lines-2 .customer,
  .card.lines-2 .plate-work,
  .card.lines-2 .bay,
  .card.lines-3 .plate-work,
  .card.lines-3 .bay,
  .card.lines-4 .bay {
    display: none;
  }
  /* a narrow card (side by side in a busy hour) keeps the plate's tail, what the guide calls out ("尾号 45") */
  .card.narrow .plate.full {
    display: none;
  }
  .card.narrow .plate.tail {
    display: block;
  }
  .card.tiny .icon {
    display: none;
  }
`;
