/** Who may still manage the site: at least one active manager must remain. */

interface AccountState {
  id: number;
  role: string;
  active: boolean;
}

const managing = (a: Pick<AccountState, "role" | "active">) => a.active && a.role === "manager";

/**
 * Whether `account` is the only active manager among `accounts`: then it can be neither demoted
 * nor disabled, or nobody could manage accounts, displays and tokens any more.
 */
export function isLastActiveManager(accounts: readonly AccountState[], account: AccountState): boolean {
  return managing(account) && !accounts.some((a) => a.id !== account.id && managing(a));
}

/** Whether changing `before` into `after` would leave the site without an active manager. */
export function removesLastManager(accounts: readonly AccountState[], before: AccountState, after: Pick<AccountState, "role" | "active">): boolean {
  return isLastActiveManager(accounts, before) && !managing(after);
}
