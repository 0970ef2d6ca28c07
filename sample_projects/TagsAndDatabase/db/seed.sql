-- The rows every lesson queries: a day of production on three lines.
-- Run once into each datasource when the gateway starts (visionsim.yaml).
CREATE TABLE production (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    line TEXT NOT NULL,
    shift INTEGER NOT NULL,
    product TEXT NOT NULL,
    good INTEGER NOT NULL,
    scrap INTEGER NOT NULL
);
INSERT INTO production (line, shift, product, good, scrap) VALUES ('Line 1', 1, 'Gizmo', 965, 12);
INSERT INTO production (line, shift, product, good, scrap) VALUES ('Line 2', 1, 'Sprocket', 1002, 6);
INSERT INTO production (line, shift, product, good, scrap) VALUES ('Line 3', 1, 'Widget A', 837, 37);
INSERT INTO production (line, shift, product, good, scrap) VALUES ('Line 1', 2, 'Sprocket', 848, 26);
INSERT INTO production (line, shift, product, good, scrap) VALUES ('Line 2', 2, 'Widget A', 1098, 6);
INSERT INTO production (line, shift, product, good, scrap) VALUES ('Line 3', 2, 'Widget B', 1059, 16);
INSERT INTO production (line, shift, product, good, scrap) VALUES ('Line 1', 3, 'Widget A', 819, 8);
INSERT INTO production (line, shift, product, good, scrap) VALUES ('Line 2', 3, 'Widget B', 1022, 29);
INSERT INTO production (line, shift, product, good, scrap) VALUES ('Line 3', 3, 'Gizmo', 835, 18);
