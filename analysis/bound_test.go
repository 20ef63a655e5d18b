package analysis

import (
	"context"
	"strings"
	"testing"
)

// TestFindingsBoundedPerFileAndCode: a license that repeats a prohibited use
// 250 times gets the first MaxFindingsPerCode findings and one summary that
// counts the rest, at the first site left out; another file keeps its own
// budget.
func TestFindingsBoundedPerFileAndCode(t *testing.T) {
	sentence := "You shall not use the Model for military purposes.\n"
	long := "Acme Model License\n\n" + strings.Repeat(sentence, 250)
	docs := []Document{
		{Path: "LICENSE", Kind: KindLicense, Text: []byte(long)},
		{Path: "other/LICENSE", Kind: KindLicense, Text: []byte("Acme Model License\n\n" + strings.Repeat(sentence, 3))},
	}
	res := New().Analyze(context.Background(), &Snapshot{Docs: docs})
	var listed, summaries, other int
	var summary Finding
	for _, f := range res.Findings() {
		if f.Code != "clause/use-restriction" {
			continue
		}
		switch {
		case f.Path == "other/LICENSE":
			other++
		case f.Data["omitted"] != nil:
			summaries++
			summary = f
		default:
			listed++
		}
	}
	if listed != MaxFindingsPerCode || summaries != 1 || other != 3 {
		t.Fatalf("LICENSE: %d listed, %d summaries; other/LICENSE: %d; want %d, 1, 3", listed, summaries, other, MaxFindingsPerCode)
	}
	if got := summary.Data["omitted"]; got != 150 {
		t.Errorf("summary omits %v findings, want 150", got)
	}
	wantStart := len("Acme Model License\n\n") + MaxFindingsPerCode*len(sentence)
	if summary.Span.Start != wantStart {
		t.Errorf("summary at byte %d, want %d (the 101st sentence)", summary.Span.Start, wantStart)
	}
	const msg = "150 more clause/use-restriction findings in this file are not listed: fineprint lists the first 100 of each code in a file."
	if summary.Message != msg {
		t.Errorf("summary message %q, want %q", summary.Message, msg)
	}
}

func TestBoundMergesEarlierSummaries(t *testing.T) {
	var fs []Finding
	for i := range 5 {
		fs = append(fs, Finding{Code: "c", Path: "p", Span: Span{i, i + 1}, Severity: SeverityWarning})
	}
	once := boundPerFileAndCode(fs, 3)
	if len(once) != 4 || once[3].Data["omitted"] != 2 {
		t.Fatalf("first pass: %+v", once)
	}
	twice := boundPerFileAndCode(once, 3)
	if len(twice) != 4 || twice[3].Data["omitted"] != 2 {
		t.Fatalf("a second pass must keep one summary of 2, got %+v", twice)
	}
}
