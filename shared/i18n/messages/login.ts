/** Strings of staff sign-in (login/: shared by the advisor and admin pages); part of the one message table in ../messages.ts. */
export const zhCN = {
  "login.title": "员工登录",
  "login.username": "用户名",
  "login.password": "密码",
  "login.submit": "登录",
  "login.wrong": "用户名或密码错误",
  "login.limited": "尝试次数过多，请 {seconds} 秒后再试",
  "login.failed": "暂时无法登录，请稍后再试",
  "password.title": "请设置您自己的密码",
  "password.hint": "临时密码须先更换（至少 10 个字符）",
  "password.current": "当前密码",
  "password.new": "新密码",
  "password.submit": "保存",
  "password.wrongCurrent": "当前密码不正确",
  "password.weak": "新密码至少 10 个字符，且不能与当前密码相同",
} as const;

export const en: Record<keyof typeof zhCN, string> = {
  "login.title": "Staff sign-in",
  "login.username": "Username",
  "login.password": "Password",
  "login.submit": "Sign in",
  "login.wrong": "Wrong username or password",
  "login.limited": "Too many attempts; try again in {seconds} s",
  "login.failed": "Cannot sign in right now; try again shortly",
  "password.title": "Choose your own password",
  "password.hint": "The one-time password must be replaced first (at least 10 characters)",
  "password.current": "Current password",
  "password.new": "New password",
  "password.submit": "Save",
  "password.wrongCurrent": "The current password is not right",
  "password.weak": "At least 10 characters, and not the current password",
};
