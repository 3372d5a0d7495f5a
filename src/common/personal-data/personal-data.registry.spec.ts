import { PersonalDataDeclaration } from './personal-data';
import { PersonalDataRegistry, uncoveredColumns } from './personal-data.registry';

const posts: PersonalDataDeclaration = {
  module: 'posts',
  tables: [{ table: 'posts', columns: { author_id: 'reattribute' }, export: { key: 'posts', sql: 'SELECT 1' } }],
};

describe('personal data registry', () => {
  it('refuses a table declared twice, an export key taken twice, and a custom column without an erase step', () => {
    const registry = new PersonalDataRegistry();
    registry.declare(posts);
    expect(() => registry.declare({ ...posts, module: 'other' })).toThrow('declared twice');
    expect(() =>
      registry.declare({
        module: 'other',
        tables: [{ table: 'drafts', columns: { author_id: 'delete' }, export: { key: 'posts', sql: 'SELECT 1' } }],
      }),
    ).toThrow('export key posts is taken');
    expect(() =>
      registry.declare({
        module: 'votes',
        tables: [{ table: 'votes', columns: { user_id: 'custom' }, export: { none: 'nothing' } }],
      }),
    ).toThrow('needs the module');
    expect(() =>
      registry.declare({
        module: 'odd',
        tables: [{ table: 'odd; DROP TABLE users', columns: {}, export: { none: 'x' } }],
      }),
    ).toThrow('identifier');
  });

  it('finds the columns that reference people and that no module declares, and declarations gone stale', () => {
    const declared = [
      { table: 'users', columns: ['id'] },
      { table: 'posts', columns: ['author_id'] },
      { table: 'drafts', columns: ['author_id'] },
    ];
    const schema = [
      { table: 'posts', column: 'author_id' },
      { table: 'posts', column: 'edited_by' },
      { table: 'rsvps', column: 'user_id' },
    ];
    expect(uncoveredColumns(declared, schema)).toEqual({
      undeclared: ['posts.edited_by', 'rsvps.user_id'],
      stale: ['drafts.author_id'],
    });
  });
});
