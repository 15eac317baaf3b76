-- Budget per programme, year and funding source: what was allocated, what approved payment
-- cycles have committed and not yet paid, and what was paid. The CHECK makes overspending
-- impossible even for two approvals racing each other (the row is locked while one approves).
CREATE TABLE budget_account (
    programme_code TEXT   NOT NULL REFERENCES programme (code),
    year           INT    NOT NULL,
    funding_source TEXT   NOT NULL CHECK (funding_source IN ('CENTRAL', 'PROVINCIAL', 'SOCIALISED')),
    allocated_vnd  BIGINT NOT NULL DEFAULT 0 CHECK (allocated_vnd >= 0),
    committed_vnd  BIGINT NOT NULL DEFAULT 0 CHECK (committed_vnd >= 0),
    paid_vnd       BIGINT NOT NULL DEFAULT 0 CHECK (paid_vnd >= 0),
    PRIMARY KEY (programme_code, year, funding_source),
    CHECK (committed_vnd + paid_vnd <= allocated_vnd)
);

-- Each allocation (dự toán, bổ sung, xã hội hóa) as recorded, who and when.
CREATE TABLE budget_allocation (
    id             UUID PRIMARY KEY,
    programme_code TEXT        NOT NULL,
    year           INT         NOT NULL,
    funding_source TEXT        NOT NULL,
    amount_vnd     BIGINT      NOT NULL CHECK (amount_vnd > 0),
    reference      TEXT        NOT NULL,
    recorded_at    TIMESTAMPTZ NOT NULL,
    recorded_by    TEXT        NOT NULL,
    FOREIGN KEY (programme_code, year, funding_source) REFERENCES budget_account (programme_code, year, funding_source)
);

-- A batch of payments of one programme, period and funding source (optionally one district),
-- prepared by a maker with control totals and approved by a different checker.
CREATE TABLE payment_cycle (
    id             UUID PRIMARY KEY,
    programme_code TEXT        NOT NULL REFERENCES programme (code),
    period         TEXT        NOT NULL,
    year           INT         NOT NULL,
    funding_source TEXT        NOT NULL,
    district_code  TEXT,
    status         TEXT        NOT NULL CHECK (status IN ('PREPARED', 'APPROVED', 'CLOSED', 'CANCELLED')),
    payment_count  INT         NOT NULL,
    total_vnd      BIGINT      NOT NULL,
    prepared_at    TIMESTAMPTZ NOT NULL,
    prepared_by    TEXT        NOT NULL,
    approved_at    TIMESTAMPTZ,
    approved_by    TEXT,
    CHECK (approved_by IS NULL OR approved_by <> prepared_by)
);

-- One payment per entitlement and funding source, ever: a failed payment is retried in place,
-- so nothing can be paid twice.
CREATE TABLE payment (
    id             UUID PRIMARY KEY,
    cycle_id       UUID        NOT NULL REFERENCES payment_cycle (id),
    entitlement_id UUID        NOT NULL REFERENCES entitlement (id),
    funding_source TEXT        NOT NULL,
    household_id   UUID        NOT NULL,
    member_id      UUID,
    amount_vnd     BIGINT      NOT NULL CHECK (amount_vnd > 0),
    status         TEXT        NOT NULL CHECK (status IN ('PENDING', 'PAID', 'FAILED')),
    attempts       INT         NOT NULL DEFAULT 0,
    reference      TEXT,
    failure_reason TEXT,
    updated_at     TIMESTAMPTZ NOT NULL,
    updated_by     TEXT        NOT NULL,
    UNIQUE (entitlement_id, funding_source)
);
CREATE INDEX payment_cycle_id ON payment (cycle_id);
