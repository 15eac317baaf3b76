-- A payment of an approved cycle can be stopped before it is paid (its entitlement ended, the
-- inspection found it): STOPPED, with the reason in failure_reason ("why it was not paid").
ALTER TABLE payment DROP CONSTRAINT payment_status_check;
ALTER TABLE payment ADD CONSTRAINT payment_status_check CHECK (status IN ('PENDING', 'PAID', 'FAILED', 'STOPPED'));
