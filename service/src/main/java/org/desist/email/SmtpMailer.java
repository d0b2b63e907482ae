package org.desist.email;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.Properties;

/** Sends one plain-text message through the configured SMTP server (Jakarta Mail, Eclipse Angus). */
public class SmtpMailer {
    private static final String TIMEOUT_MS = "20000";

    private final Session session;
    private final String from;

    public SmtpMailer(EmailSettings settings) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", settings.getHost());
        properties.put("mail.smtp.port", Integer.toString(settings.getPort()));
        properties.put("mail.smtp.connectiontimeout", TIMEOUT_MS);
        properties.put("mail.smtp.timeout", TIMEOUT_MS);
        properties.put("mail.smtp.writetimeout", TIMEOUT_MS);
        if (settings.isStartTls()) {
            // required, not merely tried: a server that cannot upgrade is not sent the credentials or the mail
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
            properties.put("mail.smtp.ssl.checkserveridentity", "true");
        }
        boolean login =
                settings.getUsername() != null && !settings.getUsername().isBlank();
        properties.put("mail.smtp.auth", Boolean.toString(login));
        Authenticator authenticator = login
                ? new Authenticator() {
                    @Override
                    protected PasswordAuthentication getPasswordAuthentication() {
                        return new PasswordAuthentication(settings.getUsername(), settings.getPassword());
                    }
                }
                : null;
        this.session = Session.getInstance(properties, authenticator);
        this.from = settings.getFrom();
    }

    /**
     * Sends it with {@code messageId} as its Message-ID, so that a second sending of one outbox row (after a crash
     * between sending and recording it) is the same message to the recipient's mail system.
     */
    public void send(String messageId, String to, String subject, String text) throws MessagingException {
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress(from, true));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
        message.setSubject(subject, "UTF-8");
        message.setSentDate(new Date());
        message.setText(text, "UTF-8");
        Transport.send(message);
    }
}
