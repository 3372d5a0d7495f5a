/** What a person is to an organisation (a person may be several); the GraphQL enum is in members.model.ts. */
export const MEMBER_CATEGORIES = ['ADHERENT', 'BENEVOLE', 'SALARIE', 'ELU'] as const;
export type MemberCategoryValue = (typeof MEMBER_CATEGORIES)[number];
