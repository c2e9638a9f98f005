import nodemailer from 'nodemailer';

export interface Mail {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  readonly configured: boolean;
  send(mail: Mail): Promise<void>;
}

/** E-mail through the school's SMTP server (`WAYMARK_SMTP_URL`, e.g. smtp://user:pass@mail.school:587). */
export function createMailer(smtpUrl: string | undefined, from = 'Waymark <waymark@localhost>'): Mailer {
  if (!smtpUrl) return { configured: false, send: async () => {} };
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    configured: true,
    async send(mail) {
      if (mail.to.length === 0) return;
      await transport.sendMail({ from, ...mail });
    },
  };
}

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
