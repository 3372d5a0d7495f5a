/**
 * Directory consent: which optional profile fields a person lets other members see. One answer
 * for every reader (the User fields, the directory's search text, the people search index): a
 * field the stored consent does not mention (consents saved before it existed) has its default.
 * E-mail and phone are hidden by default; the rest is shown. `listed` is the consent to appear in
 * the directory and in people search at all (default true: members of the federation find each
 * other); a person who is not listed can still be reached from what they wrote (their profile by id).
 */
export interface ProfileVisibility {
  email: boolean;
  phone: boolean;
  jobTitle: boolean;
  bio: boolean;
  skills: boolean;
  interests: boolean;
  avatarUrl: boolean;
  listed: boolean;
}

export type ProfileField = keyof ProfileVisibility;

export const DEFAULT_VISIBILITY: ProfileVisibility = {
  email: false,
  phone: false,
  jobTitle: true,
  bio: true,
  skills: true,
  interests: true,
  avatarUrl: true,
  listed: true,
};

/** The person's consent with every field answered: what they chose, else the default. */
export function consentOf(stored: Partial<Record<ProfileField, unknown>> | null | undefined): ProfileVisibility {
  const consent = { ...DEFAULT_VISIBILITY };
  for (const field of Object.keys(DEFAULT_VISIBILITY) as ProfileField[]) {
    const given = stored?.[field];
    if (typeof given === 'boolean') consent[field] = given;
  }
  return consent;
}

/**
 * Whether `viewerId` sees `field` of the profile of `ownerId` by consent: always their own.
 * (Contact fields are also shown to admins of the person's organisations: OrganizationAccess.)
 */
export function showsField(
  viewerId: string | undefined,
  ownerId: string,
  consent: ProfileVisibility,
  field: ProfileField,
) {
  return viewerId === ownerId || consent[field];
}

/** The same answer in SQL: "the person in `alias` shares `field`". */
export function sharesFieldSql(alias: string, field: ProfileField): string {
  return `coalesce((${alias}.profile_visibility ->> '${field}')::boolean, ${DEFAULT_VISIBILITY[field]})`;
}
