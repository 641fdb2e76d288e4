-- Connector mode: the project's customers connect their banks through an aggregator connector,
-- so a customer created with only its customIdentifier asks for an aggregator link and an
-- analysis created without accounts waits for the connector to upload them.
alter table projects add column uses_connector boolean not null default false;
