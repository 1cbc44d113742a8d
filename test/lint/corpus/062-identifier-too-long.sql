-- expect: MM008
CREATE TABLE customer_subscription_billing_cycle_adjustment_history_entries_archive (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY
);
