import type { Account, AccountListing, ApiToken } from "../shared/schemas/access.js";
import type { CommandResult } from "../shared/protocol.js";
import { call, type ApiResult } from "../login/staff-api.js";
import { apiUrl } from "../display/site-path.js";

/** What creating a token answers: the secret is in this answer and nowhere else, ever. */
export interface CreatedToken extends CommandResult {
  secret: string;
}

export const listAccounts = () => call<AccountListing[]>(apiUrl("/accounts"));

export const createAccount = (input: unknown) => call<CommandResult>(apiUrl("/accounts"), { method: "POST", body: JSON.stringify(input) });

export const updateAccount = (a: Account, changes: Partial<Pick<Account, "displayName" | "role" | "active" | "advisorId">>): Promise<ApiResult<CommandResult>> =>
  call<CommandResult>(apiUrl(`/accounts/${a.id}`), { method: "PATCH", body: JSON.stringify({ version: a.version, ...changes }) });

export const resetPassword = (a: Account, password: string) => call<CommandResult>(apiUrl(`/accounts/${a.id}/password`), { method: "POST", body: JSON.stringify({ password }) });

export const listTokens = () => call<ApiToken[]>(apiUrl("/tokens"));

export const createToken = (input: unknown) => call<CreatedToken>(apiUrl("/tokens"), { method: "POST", body: JSON.stringify(input) });

export const revokeToken = (tk: ApiToken) => call<CommandResult>(apiUrl(`/tokens/${tk.id}`), { method: "DELETE" });

/** No 0/O, 1/l/I: the password is read off a printed slip and typed on a phone. */
const ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A one-time password for a new or reset account: 12 characters, about 69 bits, from the browser's secure random source. */
export function oneTimePassword(length = 12): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length * 2));
  let out = "";
  // rejection keeps every character equally likely
  for (const b of bytes) {
    if (b >= Math.floor(256 / ALPHABET.length) * ALPHABET.length) continue;
    out += ALPHABET[b % ALPHABET.length];
    if (out.length === length) return out;
  }
  return out + oneTimePassword(length - out.length);
}
