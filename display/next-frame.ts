/**
 * Resolves at the start of the next animation frame, before it is drawn: patches that arrive within
 * one frame wait here together and become one render. A hidden page draws no frames, so it renders
 * on the next task instead (its board stays current for the moment it is shown again).
 */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    if (document.visibilityState === "hidden") setTimeout(resolve, 0);
    else requestAnimationFrame(() => resolve());
  });
}
