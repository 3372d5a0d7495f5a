import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from '@tanstack/react-router';
import { useQuery } from 'urql';
import { usePageTitle } from '../app/page-title';
import { graphql } from '../gql';
import { ErrorMessage } from '../lib/errors/error-message';
import { kindLabel, membersText } from './labels';
import './admin.css';

const AdminTreeQuery = graphql(`
  query AdminTree {
    me {
      id
      memberships {
        role
        organization {
          id
          name
          kind
          memberCount
          children {
            id
            name
            kind
            memberCount
            children {
              id
              name
              kind
              memberCount
              children {
                id
                name
                kind
                memberCount
              }
            }
          }
        }
      }
    }
  }
`);

export interface TreeNode {
  id: string;
  name: string;
  kind: string;
  memberCount: number;
  children?: TreeNode[];
}

function collectIds(node: TreeNode, into: Set<string>, isRoot = true): void {
  if (!isRoot) into.add(node.id);
  node.children?.forEach((child) => collectIds(child, into, false));
}

/** The organisations the viewer administers, as trees: an organisation inside another administered one is not repeated. */
export function administeredRoots(memberships: { role: string; organization: TreeNode }[]): TreeNode[] {
  const roots = memberships.filter((m) => m.role === 'ADMIN').map((m) => m.organization);
  const below = new Set<string>();
  roots.forEach((root) => collectIds(root, below));
  return roots.filter((root) => !below.has(root.id));
}

function OrganizationTree({ nodes }: { nodes: TreeNode[] }) {
  return (
    <ul className="org-tree">
      {nodes.map((node) => (
        <li key={node.id}>
          <div className="org-tree-item">
            <Link to="/admin/organisations/$id" params={{ id: node.id }} className="org-tree-name">
              {node.name}
            </Link>
            <span className="org-tree-meta">
              {kindLabel(node.kind)} · {membersText(node.memberCount)}
            </span>
          </div>
          {node.children && node.children.length > 0 ? <OrganizationTree nodes={node.children} /> : null}
        </li>
      ))}
    </ul>
  );
}

/** /admin: the organisations the viewer administers (federation → regions → associations). */
export function AdminPage() {
  const { t } = useLingui();
  usePageTitle(t`Administration`);
  const [{ data, fetching, error }] = useQuery({ query: AdminTreeQuery, requestPolicy: 'cache-and-network' });
  const roots = data ? administeredRoots(data.me.memberships) : [];

  return (
    <section className="page admin-page" aria-busy={fetching}>
      <h1>
        <Trans>Administration</Trans>
      </h1>
      <ErrorMessage error={error} />
      {!data && fetching ? (
        <p>
          <Trans>Chargement des organisations…</Trans>
        </p>
      ) : null}
      {data && roots.length === 0 ? (
        <div className="notice">
          <p>
            <Trans>Vous n'avez pas accès à l'administration : vous n'administrez aucune organisation.</Trans>
          </p>
          <p>
            <Trans>
              Pour gérer les membres de votre association, demandez à un de ses administrateurs de vous donner ce rôle.
            </Trans>
          </p>
        </div>
      ) : null}
      {roots.length > 0 ? (
        <>
          <p>
            <Trans>
              Les organisations que vous administrez. Choisissez-en une pour gérer ses membres, ses invitations, ses
              sous-organisations et lire son journal.
            </Trans>
          </p>
          <nav aria-label={t`Organisations administrées`}>
            <OrganizationTree nodes={roots} />
          </nav>
        </>
      ) : null}
    </section>
  );
}
