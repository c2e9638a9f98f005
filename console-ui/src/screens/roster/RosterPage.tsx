import { useTranslation } from 'react-i18next';
import { can, rosterSyncContract, type OneRosterImportBody } from '@waymark/shared';
import { call } from '../../lib/call';
import { useSession } from '../../lib/session';
import { CalendarPanel } from './CalendarPanel';
import { ImportPanel } from './ImportPanel';
import './roster.css';

/** A ZIP as base64, or the CSV files by name: what `/api/roster/oneroster/*` takes. */
async function oneRosterBody(files: File[]): Promise<OneRosterImportBody> {
  const zip = files.find((f) => f.name.toLowerCase().endsWith('.zip'));
  if (zip) {
    const bytes = new Uint8Array(await zip.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000)
      binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return { zipBase64: btoa(binary) };
  }
  return { files: Object.fromEntries(await Promise.all(files.map(async (f) => [f.name, await f.text()]))) };
}

const oneRosterCalls = {
  preview: (body: OneRosterImportBody) => call(rosterSyncContract.oneRosterPreview, { body }),
  apply: (body: OneRosterImportBody) => call(rosterSyncContract.oneRosterApply, { body }),
};
const timetableCalls = {
  preview: (body: { csv: string }) => call(rosterSyncContract.timetablePreview, { body }),
  apply: (body: { csv: string }) => call(rosterSyncContract.timetableApply, { body }),
};

/** The school admin's roster sync: the OneRoster export and the timetable, previewed then applied. */
export function RosterPage() {
  const { t } = useTranslation('roster');
  const allowed = can(useSession().data?.role, 'manage-classes');
  return (
    <section aria-labelledby="roster-heading" className="roster-page">
      <h1 id="roster-heading">{t('title')}</h1>
      {!allowed ? (
        <p role="alert">{t('refused')}</p>
      ) : (
        <>
          <p>{t('intro')}</p>
          <ImportPanel
            kind="oneRoster"
            accept=".zip,.csv"
            multiple
            readBody={oneRosterBody}
            calls={oneRosterCalls}
          />
          <ImportPanel
            kind="timetable"
            accept=".csv"
            multiple={false}
            readBody={async (files) => ({ csv: await files[0]!.text() })}
            calls={timetableCalls}
          />
          <CalendarPanel />
        </>
      )}
    </section>
  );
}
