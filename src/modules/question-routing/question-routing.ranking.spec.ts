import { CandidateRow, fold, matchingSkills, QuestionText, rankCandidates } from './question-routing.ranking';

const question: QuestionText = {
  title: 'Comment déclarer une subvention régionale ?',
  body: 'Notre trésorière cherche la bonne ligne du compte de résultat.',
  tags: ['Subventions', 'comptabilité'],
};

const row = (userId: string, extra: Partial<CandidateRow> = {}): CandidateRow => ({
  userId,
  acceptedCount: 0,
  acceptedTags: [],
  skills: [],
  sharedRegion: null,
  ...extra,
});

describe('question routing ranking', () => {
  it('folds case and accents', () => {
    expect(fold('Comptabilité ŒUVRE')).toBe('comptabilite oeuvre');
  });

  it('matches skills on tags or on words, ignoring case and accents, never inside a word', () => {
    expect(matchingSkills(['COMPTABILITE', 'trésorière', 'compte de résultat', 'dette', 'sub'], question)).toEqual([
      'COMPTABILITE',
      'trésorière',
      'compte de résultat',
    ]);
    expect(matchingSkills(['subventions'], question)).toEqual(['subventions']);
    expect(matchingSkills(['  ', ''], question)).toEqual([]);
  });

  it('ranks accepted answers on the tags, then matching skills, then the same region, then by id', () => {
    const ranked = rankCandidates(
      [
        row('u5', { skills: ['comptabilité'], sharedRegion: 'Bretagne' }),
        row('u4', { skills: ['comptabilité'] }),
        row('u3', { skills: ['comptabilité', 'trésorière'] }),
        row('u2', { acceptedCount: 1, acceptedTags: ['subventions'] }),
        row('u1', { skills: ['comptabilité'] }),
        row('u6', { acceptedCount: 2, acceptedTags: ['Comptabilité'], skills: ['cuisine'] }),
      ],
      question,
      10,
    );
    expect(ranked.map((c) => c.userId)).toEqual(['u6', 'u2', 'u3', 'u5', 'u1', 'u4']);
    expect(ranked[0].reasons).toEqual(['ACCEPTED_ANSWERS:comptabilité']);
    expect(ranked[1].reasons).toEqual(['ACCEPTED_ANSWERS:Subventions']);
    expect(ranked[3].reasons).toEqual(['SKILL:comptabilité', 'REGION:Bretagne']);
  });

  it('asks nobody for a region alone, and at most `limit` people', () => {
    const rows = [
      row('a', { sharedRegion: 'Bretagne' }),
      row('b', { skills: ['subventions'] }),
      row('c', { skills: ['comptabilité'] }),
    ];
    expect(rankCandidates(rows, question, 3).map((c) => c.userId)).toEqual(['b', 'c']);
    expect(rankCandidates(rows, question, 1).map((c) => c.userId)).toEqual(['b']);
    expect(rankCandidates([], question, 3)).toEqual([]);
  });

  it('is the same whatever order the rows come in', () => {
    const rows = ['d', 'a', 'c', 'b'].map((id) => row(id, { skills: ['subventions'] }));
    const once = rankCandidates(rows, question, 3);
    expect(rankCandidates([...rows].reverse(), question, 3)).toEqual(once);
    expect(once.map((c) => c.userId)).toEqual(['a', 'b', 'c']);
  });
});
