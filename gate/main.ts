// first, before any module builds a zod schema
import "../login/no-eval.js";
import { themeTokens } from "../display/tokens.js";
import "./gate-app.js";
import "../login/staff-gate.js";

// outdoors at the gate: black on white reads in sunlight, the TV's dark theme does not
document.documentElement.dataset.theme = "light";
if (themeTokens.styleSheet) document.adoptedStyleSheets = [...document.adoptedStyleSheets, themeTokens.styleSheet];
