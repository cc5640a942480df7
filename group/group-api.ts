import { call } from "../login/staff-api.js";
import { groupApiUrl } from "../display/site-path.js";

/** The group director (集团售后总监): an account of the group, not of a store. */
export interface GroupDirector {
  username: string;
  displayName: string;
}

/** One store's today, in the store's own time zone, as GET /group/api/sites answers it. */
export interface StoreToday {
  slug: string;
  name: string;
  timeZone: string;
  date: string;
  /** Cards on the board today. */
  total: number;
  arrived: number;
  /** Past their time and grace, not yet arrived. */
  late: number;
  noShow: number;
  completed: number;
}

export const currentDirector = () => call<GroupDirector>(groupApiUrl("/me"));

export const signInDirector = (username: string, password: string) => call<GroupDirector>(groupApiUrl("/auth/login"), { method: "POST", body: JSON.stringify({ username, password }) });

export const signOutDirector = () => call<null>(groupApiUrl("/auth/logout"), { method: "POST" });

export const fetchStores = () => call<{ sites: StoreToday[] }>(groupApiUrl("/sites"));
