package record

import (
	"reflect"
	"strings"
	"testing"
)

// Resolved ids survive a write and a read, sorted by id; a lock without
// any keeps its old shape (no "models" or "datasets" key).
func TestHubEntriesRoundTrip(t *testing.T) {
	l := Lock{Licenses: []LicenseEntry{}, Policies: []PolicyEntry{},
		Models: []HubEntry{
			{ID: "acme/zeta", License: "apache-2.0", Revision: "abc", Resolved: "2026-12-04"},
			{ID: "Acme/alpha", License: "other", LicenseName: "acme-open", LicenseLink: "https://acme.example/l", Gated: "manual", BaseModel: []string{"a/b", "c/d"}, Resolved: "2026-12-01"},
		},
		Datasets: []HubEntry{{ID: "acme/chats", License: "cc-by-nc-4.0", Resolved: "2026-12-04"}},
	}
	data := Marshal(l)
	back, err := Parse(data)
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	if back.Models[0].ID != "Acme/alpha" || !reflect.DeepEqual(back.Models[0], l.Models[1]) || !reflect.DeepEqual(back.Datasets, l.Datasets) {
		t.Errorf("round trip:\n%+v\nfrom\n%s", back, data)
	}
	if string(Marshal(back)) != string(data) {
		t.Errorf("a second write differs")
	}
	if m := back.Model("acme/ALPHA"); m == nil || m.LicenseName != "acme-open" {
		t.Errorf("Model lookup ignores case: %+v", m)
	}
	plain := string(Marshal(Lock{}))
	if strings.Contains(plain, "models") || strings.Contains(plain, "datasets") {
		t.Errorf("an empty lock names resolved ids:\n%s", plain)
	}
	for _, c := range []struct{ lock, want string }{
		{`{"version":1,"licenses":[],"policies":[],"models":[{"id":"a/b","resolved":"2026-12-04"},{"id":"A/B","resolved":"2026-12-04"}]}`, "A/B is recorded twice in models"},
		{`{"version":1,"licenses":[],"policies":[],"datasets":[{"id":"a/b","resolved":"yesterday"}]}`, "the resolved date of a/b is not YYYY-MM-DD"},
		{`{"version":1,"licenses":[],"policies":[],"models":[{"license":"mit","resolved":"2026-12-04"}]}`, "an entry of models has no id"},
		{`{"version":1,"licenses":[],"policies":[],"models":[{"id":"a/b","resolved":"2026-12-04","token":"x"}]}`, `unknown field "token"`},
	} {
		if _, err := Parse([]byte(c.lock)); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.lock, err, c.want)
		}
	}
}
