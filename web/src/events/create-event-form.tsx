import { Trans, useLingui } from '@lingui/react/macro';
import { useNavigate } from '@tanstack/react-router';
import { useCallback, useEffect, useId, useRef } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { ApiError, toErrorInfo } from '../lib/errors/app-error-info';
import { ErrorMessage } from '../lib/errors/error-message';
import { useSubmit } from '../lib/forms/use-submit';
import { fromParisInput, toParisInput } from './event-time';

const CreateEventMutation = graphql(`
  mutation EventsCreate($input: CreateEventInput!) {
    createEvent(input: $input) {
      id
    }
  }
`);

/** Tomorrow at 18:00, Paris time: a sensible first value for "Début". */
function defaultStart(): string {
  const tomorrow = new Date(Date.now() + 24 * 3_600_000);
  return `${toParisInput(tomorrow).slice(0, 10)}T18:00`;
}

function plusTwoHours(start: string): string {
  const instant = fromParisInput(start);
  return instant ? toParisInput(new Date(instant.getTime() + 2 * 3_600_000)) : '';
}

/** Creating an event in a group: its fields, in Paris time; then the event's page. */
export function CreateEventForm({ groupId, onCancel }: { groupId: string; onCancel: () => void }) {
  const { t } = useLingui();
  const navigate = useNavigate();
  const id = useId();
  const titleRef = useRef<HTMLInputElement>(null);
  const [, create] = useMutation(CreateEventMutation);
  const start = useRef(defaultStart());

  useEffect(() => titleRef.current?.focus(), []);

  const submit = useCallback(
    async (data: FormData) => {
      const text = (name: string) => String(data.get(name) ?? '').trim();
      const startsAt = fromParisInput(text('startsAt'));
      const endsAt = fromParisInput(text('endsAt'));
      const missing = [!text('title') && 'title', !startsAt && 'startsAt', !endsAt && 'endsAt'].filter(
        (field): field is string => Boolean(field),
      );
      if (missing.length) throw new ApiError({ code: 'BAD_USER_INPUT', fields: missing });
      const places = text('capacity');
      const result = await create(
        {
          input: {
            groupId,
            title: text('title'),
            description: text('description') || null,
            startsAt: startsAt!.toISOString(),
            endsAt: endsAt!.toISOString(),
            location: text('location') || null,
            onlineUrl: text('onlineUrl') || null,
            capacity: places === '' ? null : Number(places),
          },
        },
        { additionalTypenames: ['Event'] },
      );
      if (result.error) throw result.error;
      const eventId = result.data?.createEvent.id;
      if (eventId) await navigate({ to: '/evenements/$id', params: { id: eventId } });
    },
    [create, groupId, navigate],
  );
  const { onSubmit, error, pending } = useSubmit(submit);
  const invalid = (name: string) => toErrorInfo(error)?.fields?.includes(name) || undefined;
  const labels = {
    title: t`Titre`,
    description: t`Description`,
    startsAt: t`Début`,
    endsAt: t`Fin`,
    location: t`Lieu`,
    onlineUrl: t`Lien en ligne`,
    capacity: t`Nombre de places`,
  };

  return (
    <form className="form event-form" onSubmit={onSubmit} aria-busy={pending} aria-labelledby={`${id}-h`} noValidate>
      <h3 id={`${id}-h`}>
        <Trans>Nouvel événement</Trans>
      </h3>
      <div className="field">
        <label htmlFor={`${id}-title`}>{labels.title}</label>
        <input
          ref={titleRef}
          id={`${id}-title`}
          name="title"
          maxLength={200}
          required
          autoComplete="off"
          aria-invalid={invalid('title')}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-description`}>{labels.description}</label>
        <textarea id={`${id}-description`} name="description" rows={4} maxLength={20000} />
      </div>
      <div className="event-form-times">
        <div className="field">
          <label htmlFor={`${id}-start`}>{labels.startsAt}</label>
          <input
            id={`${id}-start`}
            name="startsAt"
            type="datetime-local"
            required
            defaultValue={start.current}
            aria-invalid={invalid('startsAt')}
            onChange={(event) => {
              // The end follows a start moved past it, two hours later.
              const end = event.currentTarget.form?.elements.namedItem('endsAt') as HTMLInputElement | null;
              const from = fromParisInput(event.currentTarget.value);
              const to = end ? fromParisInput(end.value) : null;
              if (end && from && (!to || to < from)) end.value = plusTwoHours(event.currentTarget.value);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-end`}>{labels.endsAt}</label>
          <input
            id={`${id}-end`}
            name="endsAt"
            type="datetime-local"
            required
            defaultValue={plusTwoHours(start.current)}
            aria-invalid={invalid('endsAt')}
          />
        </div>
      </div>
      <p className="field-hint">
        <Trans>Heures de Paris.</Trans>
      </p>
      <div className="field">
        <label htmlFor={`${id}-location`}>{labels.location}</label>
        <input id={`${id}-location`} name="location" maxLength={300} autoComplete="off" />
      </div>
      <div className="field">
        <label htmlFor={`${id}-url`}>{labels.onlineUrl}</label>
        <input
          id={`${id}-url`}
          name="onlineUrl"
          type="url"
          maxLength={2000}
          placeholder="https://"
          aria-invalid={invalid('onlineUrl')}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-capacity`}>{labels.capacity}</label>
        <input
          id={`${id}-capacity`}
          name="capacity"
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          aria-describedby={`${id}-capacity-hint`}
          aria-invalid={invalid('capacity')}
        />
        <p id={`${id}-capacity-hint`} className="field-hint">
          <Trans>Laissez vide s'il n'y a pas de limite.</Trans>
        </p>
      </div>
      <ErrorMessage
        error={error}
        fieldLabels={labels}
        fieldMessages={{
          title: t`Donnez un titre à l'événement.`,
          startsAt: t`Indiquez la date et l'heure de début.`,
          endsAt: t`L'événement doit finir après son début : vérifiez la date et l'heure de fin.`,
          capacity: t`Le nombre de places doit être un nombre entier, zéro ou plus (ou vide pour ne pas limiter).`,
          onlineUrl: t`Le lien en ligne doit être une adresse web complète, commençant par https://`,
        }}
      />
      <div className="event-actions">
        <button type="submit" className="button-primary" disabled={pending}>
          <Trans>Créer un événement</Trans>
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          <Trans>Annuler</Trans>
        </button>
      </div>
    </form>
  );
}
