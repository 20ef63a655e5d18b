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
			{ID: "acme/zeta", License: "apache-2.0", Revision: "abc", Retrieved: "2026-12-04T10:00:00Z"},
			{ID: "Acme/alpha", License: "other", LicenseName: "acme-open", LicenseLink: "https://acme.example/l", Gated: "manual", BaseModel: []string{"a/b", "c/d"}, Retrieved: "2026-12-01T10:00:00Z"},
		},
		Datasets: []HubEntry{{ID: "acme/chats", License: "cc-by-nc-4.0", Retrieved: "2026-12-04T10:00:00Z"}},
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
		{`{"version":1,"licenses":[],"policies":[],"models":[{"id":"a/b","retrieved":"2026-12-04T10:00:00Z"},{"id":"A/B","retrieved":"2026-12-04T10:00:00Z"}]}`, "model A/B is recorded twice"},
		{`{"version":1,"licenses":[],"policies":[],"datasets":[{"id":"a/b","retrieved":"yesterday"}]}`, "the retrieval time of a/b is not RFC 3339"},
		{`{"version":1,"licenses":[],"policies":[],"models":[{"license":"mit","retrieved":"2026-12-04T10:00:00Z"}]}`, "a model entry has no id"},
		{`{"version":1,"licenses":[],"policies":[],"models":[{"id":"a/b","retrieved":"2026-12-04T10:00:00Z","token":"x"}]}`, `unknown field "token"`},
	} {
		if _, err := Parse([]byte(c.lock)); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.lock, err, c.want)
		}
	}
}
