-- Administrative units are published on households.area.v1 (area.changed, full state) so that
-- other services can name them. Units seeded by migrations are announced once at startup.
ALTER TABLE area ADD COLUMN announced BOOLEAN NOT NULL DEFAULT false;
