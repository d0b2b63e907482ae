--liquibase formatted sql

--changeset desist:0061-referral-site-received
-- A cohort's intake is its site's referrals received between the cohort's dates: the cohort report
-- reads them by site and date (the review queue's index puts status and priority in between).
CREATE INDEX referral_site_received ON referral (site_code, received_on);
--rollback DROP INDEX referral_site_received;
