import { consentOf, DEFAULT_VISIBILITY, sharesFieldSql, showsField } from './profile-policy';

describe('directory consent', () => {
  it('answers a field the stored consent does not mention with its default', () => {
    expect(consentOf({ email: true })).toEqual({ ...DEFAULT_VISIBILITY, email: true });
    expect(consentOf({ jobTitle: false })).toMatchObject({ jobTitle: false, skills: true, phone: false });
    expect(consentOf(null)).toEqual(DEFAULT_VISIBILITY);
    expect(consentOf({ skills: 'yes' as unknown as boolean })).toMatchObject({ skills: true });
  });

  it('always shows people their own fields', () => {
    const hidden = consentOf({ bio: false });
    expect(showsField('me', 'me', hidden, 'bio')).toBe(true);
    expect(showsField('other', 'me', hidden, 'bio')).toBe(false);
    expect(showsField(undefined, 'me', hidden, 'jobTitle')).toBe(true);
  });

  it('says the same in SQL: a missing key takes the default', () => {
    expect(sharesFieldSql('u', 'jobTitle')).toBe(`coalesce((u.profile_visibility ->> 'jobTitle')::boolean, true)`);
    expect(sharesFieldSql('u', 'phone')).toBe(`coalesce((u.profile_visibility ->> 'phone')::boolean, false)`);
  });
});
