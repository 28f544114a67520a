/**
 * Coded event data in and out: ICEWS, GDELT, PLOVER, CAMEO TSV and Correlates of War.
 *
 * <p>Public API: {@link org.entente.eventdata.Importer} (parse or import a file; every skipped row in
 * a {@link org.entente.eventdata.SkipReport}), {@link org.entente.eventdata.Exporter} (PLOVER JSON
 * lines, CAMEO TSV, COW dyad-years), {@link org.entente.eventdata.CountryCrosswalk} (ISO, CAMEO, FIPS
 * 10-4, COW and ICEWS names), {@link org.entente.eventdata.OrganisationCrosswalk} (CAMEO known-group
 * codes, ICEWS names and PLOVER codes of organisations), {@link org.entente.eventdata.CameoMapping}
 * (the CAMEO code of each kind of fact) and {@link org.entente.eventdata.PloverMapping};
 * {@code ImportCommandSupport} and {@code ExportCommandSupport} for the command line. The readers are
 * package-private.
 */
package org.entente.eventdata;
