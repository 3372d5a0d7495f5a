import { Trans, useLingui } from '@lingui/react/macro';
import { useCallback, useId } from 'react';
import { useMutation, useQuery } from 'urql';
import { ConfirmDialog } from '../admin/confirm-dialog';
import type { MemberCategory } from '../gql/graphql';
import { ApiError } from '../lib/errors/app-error-info';
import { TextField } from '../lib/forms/text-field';
import { CATEGORIES, categoryLabel } from './labels';
import { MemberPaymentsQuery, RecordDuesPaymentMutation, SetMemberCategoriesMutation } from './members-api';
import { formatDate } from '../lib/format/dates';
import { centsToEuro, euroToCents, nextDay, todayIso, yearEnd } from './money';
import type { MemberRow } from './use-members-list';

interface DialogProps {
  member: MemberRow;
  onClose: () => void;
  /** Called with a sentence saying what was done, once it is. */
  onDone: (message: string) => void;
}

/** Adhérent, bénévole, salarié, élu: any of them, or none. */
export function CategoriesDialog({ member, onClose, onDone }: DialogProps) {
  const { t } = useLingui();
  const [, setCategories] = useMutation(SetMemberCategoriesMutation);
  const name = member.user.displayName;
  const confirm = useCallback(
    async (data: FormData) => {
      const categories = data.getAll('categories').map(String) as MemberCategory[];
      const result = await setCategories({
        organizationId: member.organization.id,
        userId: member.user.id,
        categories,
      });
      if (result.error) throw result.error;
      onDone(t`Les catégories de ${name} sont enregistrées.`);
    },
    [member, name, onDone, setCategories, t],
  );
  return (
    <ConfirmDialog
      title={t`Catégories de ${name}`}
      confirmLabel={t`Enregistrer les catégories`}
      onConfirm={confirm}
      onClose={onClose}
      fieldMessages={{ categories: t`Choisissez parmi Adhérent, Bénévole, Salarié et Élu.` }}
    >
      <fieldset className="members-choices">
        <legend>
          <Trans>Catégories</Trans>
        </legend>
        {CATEGORIES.map((category) => (
          <label key={category} className="members-choice">
            <input
              type="checkbox"
              name="categories"
              value={category}
              defaultChecked={member.categories?.includes(category) ?? false}
            />
            {categoryLabel(category)}
          </label>
        ))}
      </fieldset>
      <p className="field-hint">
        <Trans>Une personne peut en avoir plusieurs, ou aucune.</Trans>
      </p>
    </ConfirmDialog>
  );
}

function day(iso: string): string {
  return formatDate(`${iso}T12:00:00Z`);
}

/** The payments already recorded for the member there, latest period first (so a new one does not overlap). */
function PastPayments({ userId, organizationId }: { userId: string; organizationId: string }) {
  const { t } = useLingui();
  const [{ data }] = useQuery({ query: MemberPaymentsQuery, variables: { userId }, requestPolicy: 'network-only' });
  const payments = data?.user?.memberships.find((m) => m.organization.id === organizationId)?.duesPayments;
  if (!payments || payments.length === 0) return null;
  return (
    <div className="members-payments">
      <h3 id="members-payments-title">
        <Trans>Paiements déjà enregistrés</Trans>
      </h3>
      <ul aria-labelledby="members-payments-title">
        {payments.slice(0, 5).map((payment) => {
          const amount = centsToEuro(payment.amountCents);
          const from = day(payment.periodStart);
          const to = day(payment.periodEnd);
          return (
            <li key={payment.id}>
              {t`${amount} pour la période du ${from} au ${to}`}
              {payment.reference ? ` (${payment.reference})` : ''}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** A dues payment: amount in euros (sent in cents), date paid, the period it covers, a reference. */
export function DuesDialog({ member, onClose, onDone }: DialogProps) {
  const { t } = useLingui();
  const id = useId();
  const [, record] = useMutation(RecordDuesPaymentMutation);
  const name = member.user.displayName;
  const today = todayIso();
  // A renewal paid ahead starts the day after the period already paid; otherwise today.
  const start = member.duesPaidUntil && member.duesPaidUntil >= today ? nextDay(member.duesPaidUntil) : today;
  const confirm = useCallback(
    async (data: FormData) => {
      const amountCents = euroToCents(String(data.get('amount') ?? ''));
      if (amountCents === undefined) throw new ApiError({ code: 'BAD_USER_INPUT', fields: ['amountCents'] });
      const reference = String(data.get('reference') ?? '').trim();
      const result = await record({
        input: {
          organizationId: member.organization.id,
          userId: member.user.id,
          amountCents,
          paidOn: String(data.get('paidOn') ?? ''),
          periodStart: String(data.get('periodStart') ?? ''),
          periodEnd: String(data.get('periodEnd') ?? ''),
          reference: reference || undefined,
        },
      });
      if (result.error) throw result.error;
      onDone(t`Le paiement de ${name} est enregistré.`);
    },
    [member, name, onDone, record, t],
  );
  return (
    <ConfirmDialog
      title={t`Enregistrer une cotisation de ${name}`}
      confirmLabel={t`Enregistrer le paiement`}
      onConfirm={confirm}
      onClose={onClose}
      fieldMessages={{
        amountCents: t`Indiquez un montant positif en euros, par exemple 25 ou 25,50.`,
        paidOn: t`Indiquez la date du paiement.`,
        periodStart: t`Indiquez le premier jour de la période couverte. Elle ne doit pas chevaucher un paiement déjà enregistré.`,
        periodEnd: t`La fin de la période doit venir après son début.`,
        reference: t`La référence est trop longue : raccourcissez-la.`,
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-amount`}>
          <Trans>Montant (€)</Trans>
        </label>
        <input id={`${id}-amount`} name="amount" inputMode="decimal" autoComplete="off" required />
      </div>
      <PastPayments userId={member.user.id} organizationId={member.organization.id} />
      <TextField name="paidOn" type="date" label={t`Payée le`} defaultValue={today} required />
      <div className="members-numbers">
        <TextField name="periodStart" type="date" label={t`Début de la période`} defaultValue={start} required />
        <TextField name="periodEnd" type="date" label={t`Fin de la période`} defaultValue={yearEnd(start)} required />
      </div>
      <TextField
        name="reference"
        label={t`Référence (facultative)`}
        maxLength={200}
        hint={t`Numéro de chèque, de reçu…`}
      />
    </ConfirmDialog>
  );
}
