import { i18n } from '@lingui/core';
import { msg, plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Link, useNavigate } from '@tanstack/react-router';
import { useId } from 'react';
import { useQuery } from 'urql';
import { usePageTitle } from '../app/page-title';
import { graphql } from '../gql';
import type { EngagementDashboardQuery } from '../gql/graphql';
import { toErrorInfo } from '../lib/errors/app-error-info';
import { ErrorMessage } from '../lib/errors/error-message';
import { formatDateTime } from '../lib/format/dates';
import { AssociationsSection } from './associations-section';
import { BarChart } from './bar-chart';
import { formatCount, formatHours, formatRate } from './format';
import { engagementRoute, toPeriod, type Period } from './routes';
import './engagement.css';

const EngagementDashboardQuery = graphql(`
  query EngagementDashboard($id: ID!, $days: Int!) {
    engagement(organizationId: $id, days: $days) {
      days
      computedAt
      people
      contributors
      activeReaders
      newMembers
      questionsAsked
      unansweredQuestions
      answeredWithin48hRate
      medianHoursToFirstAnswer
      p80HoursToFirstAnswer
      announcementReach
      organization {
        id
        name
        kind
      }
      superMembers {
        score
        posts
        comments
        answers
        acceptedAnswers
        eventsAttended
        user {
          id
          displayName
        }
      }
      dormantAssociations {
        id
        name
      }
      byAssociation {
        organization {
          id
          name
        }
        contributors
        activeReaders
        newMembers
        questionsAsked
        answeredWithin48hRate
        medianHoursToFirstAnswer
        p80HoursToFirstAnswer
        announcementReach
      }
    }
  }
`);

export type Engagement = EngagementDashboardQuery['engagement'];

function Figure({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div className="engagement-card">
      <dt>{label}</dt>
      <dd className="engagement-card-value">{value}</dd>
      {detail ? <dd className="engagement-card-detail muted">{detail}</dd> : null}
    </div>
  );
}

function PeriodSelector({ days, onChange }: { days: Period; onChange: (days: Period) => void }) {
  const { t } = useLingui();
  const id = useId();
  return (
    <div className="field engagement-period">
      <label htmlFor={id}>
        <Trans>Période</Trans>
      </label>
      <select id={id} value={days} onChange={(event) => onChange(toPeriod(event.target.value))}>
        <option value={30}>{t`30 derniers jours`}</option>
        <option value={90}>{t`90 derniers jours`}</option>
        <option value={365}>{t`365 derniers jours`}</option>
      </select>
    </div>
  );
}

function Figures({ engagement }: { engagement: Engagement }) {
  const { t } = useLingui();
  const e = engagement;
  return (
    <section aria-labelledby="engagement-figures-title" className="engagement-section">
      <h2 id="engagement-figures-title">
        <Trans>Chiffres clés</Trans>
      </h2>
      <dl className="engagement-cards">
        <Figure label={t`Personnes`} value={formatCount(e.people)} detail={t`membres ici ou en dessous`} />
        <Figure
          label={t`Contributeurs`}
          value={formatCount(e.contributors)}
          detail={t`ont publié, commenté, demandé ou répondu`}
        />
        <Figure label={t`Lecteurs actifs`} value={formatCount(e.activeReaders)} detail={t`se sont connectés`} />
        <Figure label={t`Nouveaux membres`} value={formatCount(e.newMembers)} />
        <Figure
          label={t`Questions posées`}
          value={formatCount(e.questionsAsked)}
          detail={t`dont ${formatCount(e.unansweredQuestions)} sans réponse`}
        />
        <Figure label={t`Répondues en moins de 48 h`} value={formatRate(e.answeredWithin48hRate)} />
        <Figure label={t`Délai médian de première réponse`} value={formatHours(e.medianHoursToFirstAnswer)} />
        <Figure label={t`Délai pour 80 % des questions`} value={formatHours(e.p80HoursToFirstAnswer)} />
        <Figure label={t`Portée des annonces`} value={formatRate(e.announcementReach)} detail={t`annonces lues`} />
      </dl>
      <p className="muted engagement-note">
        <Trans>
          Une question sans réponse compte comme un délai infini : quand trop de questions restent sans réponse, le
          délai s'affiche « — ».
        </Trans>
      </p>
    </section>
  );
}

function AnswerTimes({ engagement }: { engagement: Engagement }) {
  const { t } = useLingui();
  const hours = [
    { key: 'median', label: t`Médiane`, value: engagement.medianHoursToFirstAnswer },
    { key: 'p80', label: t`80 % des questions`, value: engagement.p80HoursToFirstAnswer },
    { key: 'target', label: t`Objectif (48 h)`, value: 48 },
  ];
  return (
    <section aria-labelledby="engagement-times-title" className="engagement-section">
      <h2 id="engagement-times-title">
        <Trans>Délai de première réponse</Trans>
      </h2>
      <BarChart
        title={t`Délai de première réponse, en heures`}
        bars={hours.map((bar) => ({ ...bar, text: formatHours(bar.value) }))}
      />
    </section>
  );
}

function scoreDetail(entry: Engagement['superMembers'][number]): string {
  const points = plural(entry.score, { one: '# point', other: '# points' });
  const answers = plural(entry.answers, { one: '# réponse', other: '# réponses' });
  const accepted = plural(entry.acceptedAnswers, { one: '# acceptée', other: '# acceptées' });
  const posts = plural(entry.posts, { one: '# publication', other: '# publications' });
  const comments = plural(entry.comments, { one: '# commentaire', other: '# commentaires' });
  const events = plural(entry.eventsAttended, { one: '# événement', other: '# événements' });
  return i18n._(msg`${points} : ${answers} (${accepted}), ${posts}, ${comments}, ${events}`);
}

function SuperMembers({ engagement }: { engagement: Engagement }) {
  return (
    <section aria-labelledby="engagement-super-title" className="engagement-section">
      <h2 id="engagement-super-title">
        <Trans>Super-membres</Trans>
      </h2>
      <p className="muted engagement-note">
        <Trans>Points : réponse acceptée 5, autre réponse 3, publication 2, commentaire 1, événement suivi 1.</Trans>
      </p>
      {engagement.superMembers.length === 0 ? (
        <p>
          <Trans>Personne à mettre en avant sur cette période.</Trans>
        </p>
      ) : (
        <ol className="engagement-super">
          {engagement.superMembers.map((entry) => (
            <li key={entry.user.id}>
              <Link to="/personnes/$id" params={{ id: entry.user.id }}>
                {entry.user.displayName}
              </Link>{' '}
              <span className="muted">{scoreDetail(entry)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Dormant({ engagement }: { engagement: Engagement }) {
  if (engagement.organization.kind === 'ASSOCIATION' && engagement.dormantAssociations.length === 0) return null;
  return (
    <section aria-labelledby="engagement-dormant-title" className="engagement-section">
      <h2 id="engagement-dormant-title">
        <Trans>Associations en sommeil</Trans>
      </h2>
      <p className="muted engagement-note">
        <Trans>Ni contribution ni connexion de leurs membres depuis 60 jours.</Trans>
      </p>
      {engagement.dormantAssociations.length === 0 ? (
        <p>
          <Trans>Aucune : toutes les associations ont eu de l'activité.</Trans>
        </p>
      ) : (
        <ul className="engagement-dormant">
          {engagement.dormantAssociations.map((association) => (
            <li key={association.id}>
              <Link to="/admin/organisations/$id" params={{ id: association.id }}>
                {association.name}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function NoEngagementAccess() {
  const { t } = useLingui();
  usePageTitle(t`Accès refusé`);
  return (
    <section className="page engagement-page">
      <h1>
        <Trans>Vous n'avez pas accès à cette page</Trans>
      </h1>
      <p>
        <Trans>
          Seuls les administrateurs et salariés de cette organisation (ou d'une organisation au-dessus) voient son
          engagement.
        </Trans>
      </p>
    </section>
  );
}

/** /admin/organisations/$id/engagement: the organisation's engagement figures over 30, 90 or 365 days. */
export function EngagementPage() {
  const { t } = useLingui();
  const { id } = engagementRoute.useParams();
  const { jours } = engagementRoute.useSearch();
  const days = jours ?? 90;
  const navigate = useNavigate();
  const [{ data, fetching, error }] = useQuery({
    query: EngagementDashboardQuery,
    variables: { id, days },
    requestPolicy: 'cache-and-network',
  });
  const engagement = data?.engagement;
  usePageTitle(engagement ? t`Engagement de ${engagement.organization.name}` : t`Engagement`);
  const code = toErrorInfo(error)?.code;
  if (!engagement && (code === 'FORBIDDEN' || code === 'NOT_FOUND')) return <NoEngagementAccess />;
  const setDays = (next: Period) =>
    void navigate({ to: '/admin/organisations/$id/engagement', params: { id }, search: { jours: next } });
  return (
    <section className="page engagement-page" aria-busy={fetching}>
      <nav aria-label={t`Fil d'Ariane`} className="admin-breadcrumb">
        <Link to="/admin/organisations/$id" params={{ id }}>
          {engagement?.organization.name ?? t`Organisation`}
        </Link>
      </nav>
      <h1>{engagement ? t`Engagement de ${engagement.organization.name}` : t`Engagement`}</h1>
      <PeriodSelector days={days} onChange={setDays} />
      <ErrorMessage error={error} />
      {!engagement ? (
        <p>
          <Trans>Chargement…</Trans>
        </p>
      ) : (
        <>
          <p className="muted">
            <Trans>Calculé le {formatDateTime(engagement.computedAt)}</Trans>
          </p>
          <Figures engagement={engagement} />
          <AnswerTimes engagement={engagement} />
          <SuperMembers engagement={engagement} />
          <Dormant engagement={engagement} />
          {engagement.organization.kind !== 'ASSOCIATION' ? <AssociationsSection engagement={engagement} /> : null}
        </>
      )}
    </section>
  );
}
