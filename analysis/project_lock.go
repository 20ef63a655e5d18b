package analysis

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"

	"github.com/fineprint-dev/fineprint/analysis/record"
)

// hubLock is the snapshot's fineprint.lock, parsed once per analysis;
// empty when there is none or it does not parse (record/invalid reports
// that).
func (pc *project) hubLock() *record.Lock {
	if pc.lock == nil {
		pc.lock = &record.Lock{}
		if d := pc.doc(LockFile); d != nil {
			// An interrupted record's lock holds the old entries whole.
			if l, err := record.Parse(d.Text); err == nil || errors.Is(err, record.ErrInterrupted) {
				pc.lock = &l
			}
		}
	}
	return pc.lock
}

// fromLock resolves a model (or dataset) id that `fineprint record
// --fetch` resolved through the Hub and kept in fineprint.lock. A card
// under "other" is resolved by its license_name when fineprint knows it.
func (pc *project) fromLock(id string, dataset bool) (resolution, bool) {
	l := pc.hubLock()
	e := l.Model(id)
	if dataset {
		e = l.Dataset(id)
	}
	if e == nil || e.License == "" && e.LicenseName == "" {
		return resolution{}, false
	}
	date, _, _ := strings.Cut(e.Retrieved, "T")
	r := resolution{id: e.License, from: "fineprint.lock (recorded from the Hugging Face Hub on " + date + ")", path: LockFile, by: byLock}
	if lic := pc.a.kb.License(e.License); lic != nil && lic.Kind != "unknown" {
		r.license, r.id = lic, lic.ID
	} else if lic := pc.a.kb.License(e.LicenseName); lic != nil && e.LicenseName != "" {
		r.license, r.id = lic, lic.ID
	} else if e.LicenseName != "" {
		r.id = e.LicenseName
	}
	if len(e.BaseModel) == 1 {
		r.base = e.BaseModel[0]
	}
	if d := pc.doc(LockFile); d != nil {
		q, _ := json.Marshal(e.ID)
		if i := bytes.Index(d.Text, q); i >= 0 && !strings.Contains(e.ID, `"`) {
			r.span = Span{i + 1, i + len(q) - 1}
		}
	}
	return r, true
}
