/** Actor ids name what signed a change in the audit log, and which live connections to end on revocation. */
export const accountActorId = (id: number) => `account:${id}`;
export const displayActorId = (id: number) => `display:${id}`;
export const tokenActorId = (id: number) => `token:${id}`;
export const groupActorId = (id: number) => `group:${id}`;
