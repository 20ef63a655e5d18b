package analysis

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/fineprint-dev/fineprint/analysis/record"
)

const recPolicyURL = "https://example.test/model/use-policy"

var (
	recDay1 = time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	recDay2 = time.Date(2026, 11, 29, 18, 30, 0, 0, time.UTC)
)

// recordWorkspace is a small workspace: a license that refers to a policy,
// and a NOTICE.
func recordWorkspace(extra ...Document) (*Snapshot, *Result) {
	license := "Example Model License\n\nYou must follow the policy at " + recPolicyURL + ".\n"
	docs := append([]Document{
		{Path: "LICENSE", Kind: KindLicense, Text: []byte(license)},
		{Path: "NOTICE", Kind: KindLicense, Text: []byte("Example Model, Copyright Example.\n")},
	}, extra...)
	recSortDocs(docs)
	ref := strings.Index(license, "You must")
	res := &Result{
		Licenses: []LicenseInfo{{Path: "LICENSE", ID: "example-1", Title: Span{0, 21}, Span: Span{0, len(license)}}},
	}
	res.SetFindings([]Finding{{Code: "clause/policy-by-reference", Severity: SeverityInformation, Path: "LICENSE", License: "example-1",
		Span: Span{ref, len(license) - 1}, Data: map[string]any{"url": recPolicyURL}}})
	return &Snapshot{Root: "/work/project", Docs: docs}, res
}

// recSortDocs orders documents by path, as a Snapshot requires.
func recSortDocs(docs []Document) {
	for i := 1; i < len(docs); i++ {
		for j := i; j > 0 && docs[j].Path < docs[j-1].Path; j-- {
			docs[j], docs[j-1] = docs[j-1], docs[j]
		}
	}
}

func recLockDoc(l record.Lock) Document {
	return Document{Path: LockFile, Kind: KindLock, Text: record.Marshal(l)}
}

func recCopyDoc(p string, at time.Time, body string) Document {
	return Document{Path: p, Kind: KindPolicyCopy, Text: record.NewCopy(recPolicyURL, at, []byte(body))}
}

func recWithClock(t *testing.T, now time.Time) {
	old := recordClock
	recordClock = func() time.Time { return now }
	t.Cleanup(func() { recordClock = old })
}

// summary prints findings as "path code: message" for comparison.
func recSummary(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Path+" "+f.Code+": "+f.Message)
	}
	return out
}

func TestRecordFindings(t *testing.T) {
	recWithClock(t, recDay2)
	licenseSum := record.Sum([]byte("Example Model License\n\nYou must follow the policy at " + recPolicyURL + ".\n"))
	copyPath := record.PolicyPath(recPolicyURL)
	archive := record.ArchivePath(recPolicyURL, recDay1)
	body := "# Use policy\n\nNo spam.\nNo malware.\n"
	newBody := "# Use policy\n\nNo spam.\nNo malware.\nNo weapons.\n"
	recorded := record.Lock{
		Licenses: []record.LicenseEntry{{Path: "LICENSE", License: "example-1", SHA256: licenseSum, Recorded: "2026-11-01"}},
		Policies: []record.PolicyEntry{{URL: recPolicyURL, Path: copyPath, SHA256: record.Sum([]byte(body)), Retrieved: "2026-11-01T09:00:00Z"}},
	}
	staleLock := recorded
	staleLock.Licenses = []record.LicenseEntry{{Path: "LICENSE", License: "example-1", SHA256: strings.Repeat("0", 64), Recorded: "2026-10-01"}}
	heldLock := recorded
	heldLock.Policies = []record.PolicyEntry{{URL: recPolicyURL, Path: archive, SHA256: record.Sum([]byte(body)), Retrieved: "2026-11-01T09:00:00Z"}}

	tests := []struct {
		name string
		docs []Document
		want []string
	}{
		{"nothing recorded", nil, []string{
			"LICENSE record/unrecorded: LICENSE is not recorded yet: fineprint record keeps its hash and the date in fineprint.lock, so that a later change is noticed.",
			"LICENSE policy/not-recorded: The policy at " + recPolicyURL + " is part of this license but no dated copy of it is recorded, so a later change to it would go unnoticed.",
		}},
		// Once the project keeps a record, each license file missing from it
		// is reported on its own.
		{"a lock without the license", []Document{recLockDoc(record.Lock{Policies: recorded.Policies}), recCopyDoc(copyPath, recDay1, body)}, []string{
			"LICENSE record/unrecorded: LICENSE is not recorded in fineprint.lock yet, so a later change to it would go unnoticed.",
		}},
		{"all recorded", []Document{recLockDoc(recorded), recCopyDoc(copyPath, recDay1, body)}, nil},
		{"license changed", []Document{recLockDoc(staleLock), recCopyDoc(copyPath, recDay1, body)}, []string{
			"LICENSE record/stale: LICENSE has changed since it was recorded on 2026-10-01; review what changed before you rely on it again.",
		}},
		{"empty copy", []Document{recLockDoc(record.Lock{Licenses: recorded.Licenses}), {Path: copyPath, Kind: KindPolicyCopy, Text: []byte(record.CopyHeader(recPolicyURL, recDay2, true))}}, []string{
			"LICENSE policy/not-recorded: The copy of the policy at " + recPolicyURL + " in " + copyPath + " is still empty; paste the policy's text into it and run fineprint record.",
		}},
		{"copy not in the lock", []Document{recLockDoc(record.Lock{Licenses: recorded.Licenses}), recCopyDoc(copyPath, recDay2, body)}, []string{
			"LICENSE policy/not-recorded: The copy of the policy at " + recPolicyURL + " in " + copyPath + " is not in fineprint.lock yet; run fineprint record to record it.",
		}},
		{"recorded copy missing", []Document{recLockDoc(recorded)}, []string{
			"LICENSE policy/not-recorded: The recorded copy of the policy at " + recPolicyURL + " (" + copyPath + ") is missing, so what you agreed to is no longer on file.",
		}},
		{"copy edited by hand", []Document{recLockDoc(recorded), recCopyDoc(copyPath, recDay1, newBody)}, []string{
			copyPath + " policy/changed: The policy at " + recPolicyURL + " differs from the copy recorded on 2026-11-01; review the change and run fineprint record to accept it.",
		}},
		{"re-fetch differs", []Document{recLockDoc(heldLock), recCopyDoc(archive, recDay1, body), recCopyDoc(copyPath, recDay2, newBody)}, []string{
			copyPath + " policy/changed: The policy at " + recPolicyURL + " differs from the copy recorded on 2026-11-01; review the change and run fineprint record to accept it.",
		}},
		{"invalid lock", []Document{{Path: LockFile, Kind: KindLock, Text: []byte("{\"version\": 1,\n  \"licenses\": 3}\n")}}, []string{
			"fineprint.lock record/invalid: fineprint.lock cannot be read (licenses must be a []record.LicenseEntry, not a number), so nothing counts as recorded; fix it, or delete it and run fineprint record.",
		}},
	}
	a := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, res := recordWorkspace(tt.docs...)
			got := a.recordFindings(s, nil, res)
			if !reflect.DeepEqual(recSummary(got), tt.want) {
				t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(recSummary(got), "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestRecordFindingDetails(t *testing.T) {
	recWithClock(t, recDay2)
	a := New()
	s, res := recordWorkspace()
	fs := a.recordFindings(s, nil, res)
	if len(fs) != 2 {
		t.Fatalf("got %d findings", len(fs))
	}
	unrec, pol := fs[0], fs[1]
	if unrec.Span != (Span{0, 21}) || unrec.Severity != SeverityHint || unrec.License != "example-1" {
		t.Errorf("record/unrecorded = %+v", unrec)
	}
	wantLock := record.Marshal(record.Lock{Licenses: []record.LicenseEntry{{Path: "LICENSE", License: "example-1", SHA256: record.Sum(s.Docs[0].Text), Recorded: "2026-11-29"}}})
	wantFix := []Fix{{Title: "Record LICENSE in fineprint.lock", Edits: []Edit{
		{Path: LockFile, Create: true, NewText: string(wantLock)},
		{Path: ".fineprint/licenses/LICENSE", Create: true, NewText: string(s.Docs[0].Text)},
	}}}
	if !reflect.DeepEqual(unrec.Fixes, wantFix) {
		t.Errorf("record/unrecorded fixes = %+v\nwant %+v", unrec.Fixes, wantFix)
	}
	wantCopy := Edit{Path: ".fineprint/policies/example.test-model-use-policy.md", Create: true,
		NewText: "<!-- fineprint policy copy\nurl: " + recPolicyURL + "\nretrieved: 2026-11-29T18:30:00Z\nPaste the text of the policy below this comment, then run `fineprint record`.\n-->\n"}
	if pol.Span != res.Findings()[0].Span || len(pol.Fixes) != 1 || !reflect.DeepEqual(pol.Fixes[0].Edits, []Edit{wantCopy}) {
		t.Errorf("policy/not-recorded = %+v", pol)
	}
	if got := PolicyCopyEdit(recPolicyURL, recDay2); got != wantCopy {
		t.Errorf("PolicyCopyEdit = %+v", got)
	}

	// A stale license's fix rewrites the existing lock in place.
	old := record.Lock{Licenses: []record.LicenseEntry{{Path: "LICENSE", SHA256: strings.Repeat("0", 64), Recorded: "2026-10-01"}}}
	s, res = recordWorkspace(recLockDoc(old))
	stale := a.recordFindings(s, nil, res)[0]
	wantData := map[string]any{"recorded": "2026-10-01", "old_sha256": strings.Repeat("0", 64), "new_sha256": record.Sum(s.Docs[0].Text)}
	if stale.Code != "record/stale" || !reflect.DeepEqual(stale.Data, wantData) || stale.Severity != SeverityWarning {
		t.Errorf("record/stale = %+v", stale)
	}
	lockLen := len(docByPath(s, LockFile).Text)
	if e := stale.Fixes[0].Edits[0]; e.Create || e.Span != (Span{0, lockLen}) || e.NewText != string(wantLock) {
		t.Errorf("record/stale fix = %+v", e)
	}
}

// A stale license whose recorded copy is on file shows what changed, and
// its fix records the current text in both the lock and the copy.
func TestStaleLicenseCarriesDiff(t *testing.T) {
	recWithClock(t, recDay2)
	recordedText := "Example Model License\n\nYou must follow the policy.\n"
	old := record.Lock{Licenses: []record.LicenseEntry{{Path: "LICENSE", SHA256: record.Sum([]byte(recordedText)), Recorded: "2026-11-01"}}}
	copyDoc := Document{Path: ".fineprint/licenses/LICENSE", Kind: ClassifyPath(".fineprint/licenses/LICENSE"), Text: []byte(recordedText)}
	if copyDoc.Kind != KindPolicyCopy {
		t.Fatalf("a recorded license copy is classified %v; it must never be read as a license", copyDoc.Kind)
	}
	tests := []struct {
		name     string
		copyText string // "" for no copy
		wantDiff any
	}{
		{"copy on file", recordedText, "  Example Model License\n  \n- You must follow the policy.\n+ You must follow the policy at " + recPolicyURL + ".\n"},
		{"copy edited by hand", "something else\n", nil},
		{"no copy", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs := []Document{recLockDoc(old)}
			if tt.copyText != "" {
				d := copyDoc
				d.Text = []byte(tt.copyText)
				docs = append(docs, d)
			}
			s, res := recordWorkspace(docs...)
			var stale *Finding
			for _, f := range New().recordFindings(s, nil, res) {
				if f.Code == "record/stale" {
					stale = &f
				}
			}
			if stale == nil {
				t.Fatal("no record/stale")
			}
			if stale.Data["diff"] != tt.wantDiff {
				t.Errorf("diff = %q, want %q", stale.Data["diff"], tt.wantDiff)
			}
			if tt.wantDiff != nil && stale.Data["recorded_copy"] != ".fineprint/licenses/LICENSE" {
				t.Errorf("recorded_copy = %v", stale.Data["recorded_copy"])
			}
			edits := stale.Fixes[0].Edits
			cp := edits[len(edits)-1]
			if cp.Path != ".fineprint/licenses/LICENSE" || cp.NewText != string(docByPath(s, "LICENSE").Text) || cp.Create != (tt.copyText == "") {
				t.Errorf("copy edit = %+v", cp)
			}
			if tt.copyText != "" && cp.Span != (Span{0, len(tt.copyText)}) {
				t.Errorf("copy edit span = %v, want the whole copy", cp.Span)
			}
		})
	}
}

func TestPolicyChangedCarriesDiff(t *testing.T) {
	recWithClock(t, recDay2)
	copyPath := record.PolicyPath(recPolicyURL)
	archive := record.ArchivePath(recPolicyURL, recDay1)
	body := "# Use policy\n\nNo spam.\nNo malware.\n"
	lock := record.Lock{Policies: []record.PolicyEntry{{URL: recPolicyURL, Path: archive, SHA256: record.Sum([]byte(body)), Retrieved: "2026-11-01T09:00:00Z"}}}
	current := recCopyDoc(copyPath, recDay2, "# Use policy\n\nNo spam.\nNo weapons.\n")
	s, res := recordWorkspace(recLockDoc(lock), recCopyDoc(archive, recDay1, body), current)
	var changed *Finding
	for _, f := range New().recordFindings(s, nil, res) {
		if f.Code == "policy/changed" {
			changed = &f
		}
	}
	if changed == nil {
		t.Fatal("no policy/changed")
	}
	if got := string(current.Text[changed.Span.Start:changed.Span.End]); got != recPolicyURL {
		t.Errorf("policy/changed covers %q, want the header's URL", got)
	}
	if want := "…\n  \n  No spam.\n- No malware.\n+ No weapons.\n"; changed.Data["diff"] != want {
		t.Errorf("diff = %q, want %q", changed.Data["diff"], want)
	}
	if changed.Data["recorded_copy"] != archive || len(changed.Related) != 1 || changed.Related[0].Path != "LICENSE" {
		t.Errorf("policy/changed = %+v", changed)
	}
	// Its fix accepts the new text: the policy entry BuildLock would write,
	// and nothing else.
	if len(changed.Fixes) != 1 || len(changed.Fixes[0].Edits) != 1 {
		t.Fatalf("policy/changed fixes = %+v", changed.Fixes)
	}
	e := changed.Fixes[0].Edits[0]
	fixed, err := record.Parse([]byte(e.NewText))
	want := BuildLock(lock, res, s.Docs, recDay2)
	if err != nil || e.Path != LockFile || e.Span != (Span{0, len(docByPath(s, LockFile).Text)}) ||
		!reflect.DeepEqual(fixed.Policies, want.Policies) || len(fixed.Licenses) != 0 {
		t.Errorf("policy/changed fix = %+v (%v)\nwant policies %+v", e, err, want.Policies)
	}
}

func TestBuildLock(t *testing.T) {
	copyPath := record.PolicyPath(recPolicyURL)
	body := "# Use policy\n\nNo spam.\n"
	s, res := recordWorkspace(recCopyDoc(copyPath, recDay1, body))
	license := docByPath(s, "LICENSE")
	first := BuildLock(record.Lock{}, res, s.Docs, recDay1)
	want := record.Lock{
		Version:  1,
		Licenses: []record.LicenseEntry{{Path: "LICENSE", License: "example-1", SHA256: record.Sum(license.Text), Recorded: "2026-11-01"}},
		Policies: []record.PolicyEntry{{URL: recPolicyURL, Path: copyPath, SHA256: record.Sum([]byte(body)), Retrieved: "2026-11-01T09:00:00Z"}},
	}
	if !reflect.DeepEqual(first, want) {
		t.Fatalf("BuildLock = %+v\nwant %+v", first, want)
	}
	// Nothing changed: the same bytes, the first dates.
	again := BuildLock(first, res, s.Docs, recDay2)
	if string(record.Marshal(again)) != string(record.Marshal(first)) {
		t.Errorf("second BuildLock differs:\n%s", record.Marshal(again))
	}
	// With the lock in place the workspace has nothing left to record.
	s2, res2 := recordWorkspace(recCopyDoc(copyPath, recDay1, body), recLockDoc(first))
	if fs := New().recordFindings(s2, nil, res2); len(fs) != 0 {
		t.Errorf("findings after recording: %v", recSummary(fs))
	}
	// A changed license gets today's date; a held policy keeps its entry.
	license.Text = append(license.Text, "Amended.\n"...)
	held := first
	held.Policies = []record.PolicyEntry{{URL: recPolicyURL, Path: record.ArchivePath(recPolicyURL, recDay1), SHA256: first.Policies[0].SHA256, Retrieved: first.Policies[0].Retrieved}}
	next := BuildLock(held, res, s.Docs, recDay2, recPolicyURL)
	if next.Licenses[0].Recorded != "2026-11-29" || next.Licenses[0].SHA256 != record.Sum(license.Text) || next.Policies[0] != held.Policies[0] {
		t.Errorf("BuildLock after a change = %+v", next)
	}
	// Without the hold, the current copy is accepted.
	if accepted := BuildLock(held, res, s.Docs, recDay2); accepted.Policies[0].Path != copyPath {
		t.Errorf("accepted policy = %+v", accepted.Policies[0])
	}
	// Ignored paths and policies whose rule is off are not recorded.
	res.Profile = Profile{Ignore: []string{"LICENSE"}, Rules: map[string]string{"clause/policy-by-reference": "off"}}
	if l := BuildLock(record.Lock{}, res, s.Docs, recDay2); len(l.Licenses) != 0 || len(l.Policies) != 0 {
		t.Errorf("BuildLock with ignore = %+v", l)
	}
}

// TestRecordFixFollowsItsInputs: the record fix kept with a license's
// cached result is rebuilt when the date, the lock or the recorded copy
// changes, and is then what a fresh analyzer gives.
func TestRecordFixFollowsItsInputs(t *testing.T) {
	license := Document{Path: "LICENSE", Kind: KindLicense, Text: []byte("Example Model License\n\nUse it kindly.\n")}
	other := record.Lock{Licenses: []record.LicenseEntry{{Path: "other/LICENSE", SHA256: strings.Repeat("1", 64), Recorded: "2026-10-01"}}}
	steps := []struct {
		name string
		now  time.Time
		docs []Document
	}{
		{"no lock", recDay1, []Document{license}},
		{"same inputs", recDay1, []Document{license}},
		{"a later day", recDay2, []Document{license}},
		{"a lock with another entry", recDay2, []Document{license, recLockDoc(other)}},
		{"a recorded copy", recDay2, []Document{license, recLockDoc(other), {Path: ".fineprint/licenses/LICENSE", Kind: KindOther, Text: []byte("old text\n")}}},
	}
	a := New()
	for _, st := range steps {
		snap := func() *Snapshot { return &Snapshot{Root: "/w", Now: st.now, Docs: append([]Document(nil), st.docs...)} }
		got, want := unrecordedFix(t, a.Analyze(t.Context(), snap())), unrecordedFix(t, New().Analyze(t.Context(), snap()))
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: fix %+v\nwant %+v", st.name, got, want)
		}
	}
}

func unrecordedFix(t *testing.T, res *Result) []Fix {
	t.Helper()
	for _, f := range res.Findings() {
		if f.Code == "record/unrecorded" && f.Path == "LICENSE" {
			return f.Fixes
		}
	}
	t.Fatalf("no record/unrecorded finding on LICENSE in %+v", res.Findings())
	return nil
}
