//! Mail: what a message holds ([`OutgoingMail`], the payload of a `mail` job), how the texts are
//! written ([`compose`]), and how it leaves ([`Mailer`]): through SMTP (`lettre`) when
//! `SMTP_HOST` is set, else as one `.eml` file per message in the outbox directory, so that a
//! local run can follow the links.
//!
//! Mails are only ever sent by the job worker (`crate::jobs`), never while a request waits.

pub mod compose;

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use lettre::message::Body;
use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::{Mailbox, Message};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::config::{MailConfig, SmtpTls};

/// Someone a mail goes to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recipient {
    pub email: String,
    pub name: Option<String>,
}

/// A mail as a job carries it: written in full when the job is, so that what is sent is what
/// the change said.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutgoingMail {
    pub to: Recipient,
    pub subject: String,
    pub text: String,
}

impl OutgoingMail {
    /// One line for the secretariat's list of jobs.
    pub fn summary(&self) -> String {
        format!("{} — {}", self.to.email, self.subject)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    /// The message cannot be built (an address that does not parse): retrying will not help.
    #[error("the message cannot be built: {0}")]
    Invalid(String),
    /// The server refused or could not be reached: it may work later.
    #[error("sending failed: {0}")]
    Transport(String),
}

impl MailError {
    pub fn is_permanent(&self) -> bool {
        matches!(self, Self::Invalid(_))
    }
}

/// The body as it travels: encoded as SMTP needs (quoted-printable or base64, chosen by
/// `lettre`) when sent, as is in an outbox file, so that a person reading it follows the links.
/// A display name as a header can carry it: line breaks and other control characters, which
/// no header may hold (lettre would panic writing them), become spaces; nothing left, no name.
fn header_name(name: Option<&str>) -> Option<String> {
    let name = name?
        .split(|c: char| c.is_control() || c.is_whitespace())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    (!name.is_empty()).then_some(name)
}

fn body_for(text: &str, transport: &Transport) -> Body {
    match transport {
        Transport::Smtp(_) => Body::new(text.to_owned()),
        Transport::Outbox(_) => {
            Body::new_with_encoding(text.to_owned(), ContentTransferEncoding::Binary)
                .unwrap_or_else(Body::new)
        }
    }
}

enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Outbox(PathBuf),
}

/// Sends mail the way the configuration says.
pub struct Mailer {
    from: Mailbox,
    transport: Transport,
}

impl Mailer {
    pub fn new(config: &MailConfig) -> anyhow::Result<Self> {
        let from: Mailbox = config.from.parse()?;
        let transport = match &config.smtp {
            Some(smtp) => {
                let builder = match smtp.tls {
                    SmtpTls::None => {
                        AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&smtp.host)
                    }
                    SmtpTls::StartTls => {
                        AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&smtp.host)?
                    }
                    SmtpTls::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&smtp.host)?,
                };
                let mut builder = builder.port(smtp.port).timeout(Some(smtp.timeout));
                if let (Some(user), Some(password)) = (&smtp.username, &smtp.password) {
                    builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
                }
                tracing::info!(host = %smtp.host, port = smtp.port, "mail goes through SMTP");
                Transport::Smtp(builder.build())
            }
            None => {
                std::fs::create_dir_all(&config.outbox_dir)?;
                tracing::info!(outbox = %config.outbox_dir.display(), "no SMTP_HOST: mail is written to the outbox");
                Transport::Outbox(config.outbox_dir.clone())
            }
        };
        Ok(Self { from, transport })
    }

    /// Sends `mail`; `job_id` makes its `Message-ID` (a retried job sends the same message, which
    /// mail systems recognise) and its outbox file name (a retry overwrites, never duplicates).
    pub async fn send(
        &self,
        mail: &OutgoingMail,
        job_id: Uuid,
        now: DateTime<Utc>,
    ) -> Result<(), MailError> {
        let invalid = |e: &dyn std::fmt::Display| MailError::Invalid(e.to_string());
        let to = Mailbox::new(
            header_name(mail.to.name.as_deref()),
            mail.to.email.parse().map_err(|e| invalid(&e))?,
        );
        let domain = self.from.email.domain();
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(mail.subject.clone())
            .message_id(Some(format!("<{job_id}@{domain}>")))
            .date(now.into())
            .header(ContentType::TEXT_PLAIN)
            .body(body_for(&mail.text, &self.transport))
            .map_err(|e| invalid(&e))?;
        match &self.transport {
            Transport::Smtp(smtp) => smtp
                .send(message)
                .await
                .map(|_| ())
                .map_err(|e| MailError::Transport(e.to_string())),
            Transport::Outbox(dir) => {
                // UUID v7: the files sort in the order the mails were written.
                let name = format!("{job_id}.eml");
                let path = dir.join(&name);
                let partial = dir.join(format!(".{name}.part"));
                let bytes = message.formatted();
                // Written aside then renamed: a reader never sees half a message.
                tokio::fs::write(&partial, &bytes)
                    .await
                    .and(tokio::fs::rename(&partial, &path).await)
                    .map_err(|e| MailError::Transport(format!("{}: {e}", path.display())))?;
                tracing::info!(path = %path.display(), to = %mail.to.email, subject = %mail.subject, "mail written to the outbox");
                Ok(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_with_line_breaks_still_makes_a_recipient() {
        let name = header_name(Some("Ama\r\nBcc: someone@example.org\u{7}"));
        assert_eq!(name.as_deref(), Some("Ama Bcc: someone@example.org"));
        let to = Mailbox::new(name, "ama@example.org".parse().expect("address"));
        let message = Message::builder()
            .from("hub@example.org".parse().expect("from"))
            .to(to)
            .subject("s")
            .body(String::from("b"))
            .expect("message");
        let headers = String::from_utf8(message.formatted()).expect("utf-8");
        // One `To` line, and no header smuggled in by the name.
        let to_lines: Vec<&str> = headers.lines().filter(|l| l.starts_with("To: ")).collect();
        assert_eq!(to_lines.len(), 1, "{headers}");
        assert!(to_lines[0].ends_with(" <ama@example.org>"), "{headers}");
        assert!(!headers.lines().any(|l| l.starts_with("Bcc:")), "{headers}");
        assert_eq!(header_name(Some(" \n\t ")), None);
        assert_eq!(header_name(None), None);
        assert_eq!(
            header_name(Some("  Amina   Otieno ")).as_deref(),
            Some("Amina Otieno")
        );
    }
}
