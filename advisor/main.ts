import "./advisor-app.js";
