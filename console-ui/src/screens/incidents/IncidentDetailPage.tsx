import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { can, type IncidentChangeBody } from '@waymark/shared';
import { useSession } from '../../lib/session';
import { incidentApi, incidentKeys } from './api';
import { IllegalBadge, SeverityBadge, StatusBadge } from './Badges';
import { EvidenceTable } from './EvidenceTable';
import { IllegalProcedure } from './IllegalProcedure';
import { IncidentHistory } from './IncidentHistory';
import { IncidentSummary } from './IncidentSummary';
import { IncidentWorkForm } from './IncidentWorkForm';
import './incidents.css';

/** One incident: the record, its evidence, the illegal-content procedure, the history, and the form to work it. */
export function IncidentDetailPage() {
  const { t } = useTranslation('incidents');
  const { incidentId = '' } = useParams();
  const state = useLocation().state as { raised?: boolean; listSearch?: string } | null;
  const raised = state?.raised === true;
  const me = useSession().data;
  const queryClient = useQueryClient();
  const detail = useQuery({
    queryKey: incidentKeys.detail(incidentId),
    queryFn: () => incidentApi.detail(incidentId),
    retry: false,
  });
  const canWork = me ? can(me.role, 'work-incident-log') : false;
  const directory = useQuery({
    queryKey: incidentKeys.directory,
    queryFn: incidentApi.directory,
    enabled: canWork,
  });
  const save = useMutation({
    mutationFn: (body: IncidentChangeBody) => incidentApi.change(incidentId, body),
    onSuccess: (updated) => {
      queryClient.setQueryData(incidentKeys.detail(incidentId), updated);
      void queryClient.invalidateQueries({ queryKey: incidentKeys.all });
    },
  });

  const back = (
    <p>
      <Link to={`/incidents${state?.listSearch ?? ''}`}>{t('backToLog')}</Link>
    </p>
  );
  if (detail.isPending || !me) {
    return (
      <section aria-labelledby="incident-heading" className="incidents-screen">
        {back}
        <h1 id="incident-heading">{t('loading')}</h1>
      </section>
    );
  }
  if (detail.isError) {
    return (
      <section aria-labelledby="incident-heading" className="incidents-screen">
        {back}
        <h1 id="incident-heading">{t('title')}</h1>
        <div role="alert" className="incident-refused">
          <p>{t('detail.refused', { message: detail.error.message })}</p>
          <p>{t('detail.refusedHint')}</p>
        </div>
      </section>
    );
  }

  const { incident } = detail.data;
  return (
    <section aria-labelledby="incident-heading" className="incidents-screen incident-detail">
      {back}
      <div className="incident-heading">
        <h1 id="incident-heading">
          {incident.reference}
          <span className="heading-person"> · {incident.personName ?? incident.pupilEmail}</span>
        </h1>
        <p className="incident-badges">
          <StatusBadge status={incident.status} />
          <SeverityBadge severity={incident.severity} />
          {incident.illegal && <IllegalBadge />}
        </p>
      </div>
      {raised && (
        <p className="success" role="status">
          {t('detail.raised', { reference: incident.reference })}
        </p>
      )}
      <div className="incident-columns">
        <div className="incident-main">
          {incident.illegal && <IllegalProcedure detail={detail.data} me={me} />}
          <IncidentSummary detail={detail.data} />
          <EvidenceTable evidence={detail.data.evidence} />
          <IncidentHistory detail={detail.data} />
        </div>
        <aside className="incident-side" aria-label={t('work.title')}>
          <IncidentWorkForm
            key={detail.data.history.length}
            incident={incident}
            canWork={canWork}
            owners={directory.data?.staff ?? []}
            saving={save.isPending}
            onSave={(body) => save.mutate(body)}
          />
          <div aria-live="polite" className="save-result">
            {save.isSuccess && <p className="success">{t('work.saved')}</p>}
          </div>
          {save.isError && (
            <p role="alert" className="error">
              {t('work.refused', { message: save.error.message })}
            </p>
          )}
        </aside>
      </div>
    </section>
  );
}
