import { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts, sessions, organisations, memberships, invitations, and the accent-insensitive directory. */
export class Foundation1764028800000 implements MigrationInterface {
  name = 'Foundation1764028800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    // unaccent() is only STABLE (its dictionary could change); pinning the dictionary makes an
    // IMMUTABLE wrapper that expression indexes may use.
    await db.query(`
      CREATE FUNCTION maillage_fold(value text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, value)) $$`);

    await db.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        password_hash text NOT NULL,
        display_name text NOT NULL,
        job_title text,
        bio text,
        skills text[] NOT NULL DEFAULT '{}',
        interests text[] NOT NULL DEFAULT '{}',
        avatar_url text,
        directory_text text NOT NULL DEFAULT '',
        deactivated_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`);
    await db.query(`CREATE INDEX users_directory_trgm ON users USING gin (maillage_fold(directory_text) gin_trgm_ops)`);
    await db.query(`CREATE INDEX users_name_order ON users (maillage_fold(display_name), id)`);
    await db.query(`CREATE INDEX users_skills ON users USING gin (skills)`);

    await db.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        ip text,
        user_agent text,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        revoked_reason text
      )`);
    await db.query(`CREATE INDEX sessions_user ON sessions (user_id, created_at DESC)`);

    await db.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await db.query(`CREATE INDEX refresh_tokens_session ON refresh_tokens (session_id)`);

    await db.query(`
      CREATE TABLE organizations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        slug text NOT NULL UNIQUE,
        kind text NOT NULL CHECK (kind IN ('FEDERATION', 'REGION', 'ASSOCIATION')),
        description text,
        parent_id uuid REFERENCES organizations(id),
        ancestor_ids uuid[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'FEDERATION') = (parent_id IS NULL))
      )`);
    await db.query(`CREATE INDEX organizations_parent ON organizations (parent_id)`);
    await db.query(`CREATE INDEX organizations_ancestors ON organizations USING gin (ancestor_ids)`);
    await db.query(`CREATE INDEX organizations_name_order ON organizations (maillage_fold(name), id)`);
    await db.query(
      `CREATE INDEX organizations_name_trgm ON organizations USING gin (maillage_fold(name) gin_trgm_ops)`,
    );

    await db.query(`
      CREATE TABLE organization_memberships (
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('ADMIN', 'STAFF', 'MEMBER')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, user_id)
      )`);
    await db.query(`CREATE INDEX organization_memberships_user ON organization_memberships (user_id)`);
    await db.query(
      `CREATE INDEX organization_memberships_admins ON organization_memberships (user_id, organization_id) WHERE role = 'ADMIN'`,
    );

    await db.query(`
      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        email text NOT NULL,
        role text NOT NULL CHECK (role IN ('ADMIN', 'STAFF', 'MEMBER')),
        token_hash text NOT NULL UNIQUE,
        invited_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        accepted_by uuid REFERENCES users(id) ON DELETE SET NULL,
        revoked_at timestamptz
      )`);
    await db.query(`CREATE INDEX invitations_organization ON invitations (organization_id, created_at DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'invitations',
      'organization_memberships',
      'organizations',
      'refresh_tokens',
      'sessions',
      'users',
    ]) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await db.query(`DROP FUNCTION IF EXISTS maillage_fold(text)`);
  }
}
