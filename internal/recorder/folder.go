package recorder

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/fineprint-dev/fineprint/analysis"
	"github.com/fineprint-dev/fineprint/analysis/record"
	"github.com/fineprint-dev/fineprint/internal/atomicfile"
	"github.com/fineprint-dev/fineprint/workspace"
)

// RecordFolder loads the workspace at root as saved on disk (honouring the
// ignore globs of its .fineprint.yaml), analyses it and records it. It is
// `fineprint record` and the language server's fineprint.record command.
func RecordFolder(ctx context.Context, root string, opts Options) (Report, error) {
	snap, res, err := loadFolder(ctx, root)
	if err != nil {
		return Report{}, err
	}
	return Record(ctx, snap.Root, snap, res, opts)
}

func loadFolder(ctx context.Context, root string) (*analysis.Snapshot, *analysis.Result, error) {
	info, err := os.Stat(root)
	if err != nil {
		return nil, nil, err
	}
	if !info.IsDir() {
		return nil, nil, fmt.Errorf("%s: not a folder (record works on a workspace root)", root)
	}
	// The walk applies the profile's ignore globs and limits itself.
	snap, skips, err := workspace.Load(root, workspace.Options{Context: ctx})
	if err != nil {
		return nil, nil, err
	}
	for _, s := range skips {
		if s.IOError {
			// A license file that cannot be read would drop out of the lock.
			return nil, nil, fmt.Errorf("%s: %s; nothing was recorded", s.Path, s.Reason)
		}
	}
	res := analysis.New().Analyze(ctx, snap)
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	return snap, res, nil
}

// PolicyOutcome says what RecordPolicy did.
type PolicyOutcome struct {
	Report
	// Created is the copy file created for the user to paste the policy
	// into, when the download failed and no copy existed ("" otherwise).
	Created string
}

// RecordPolicy downloads the policy at url into its copy and records it in
// the lock of the workspace at root (the server's fineprint.recordPolicy
// command); license entries and other policies stay as they were. url must
// be one that a license of the workspace refers to: a client cannot make
// fineprint download anything else. An empty url downloads every referenced
// policy. When a download fails and the policy has no copy yet, the copy is
// created with its header (URL and date) for the user to paste the policy's
// text into, as the offline fix of policy/not-recorded does; the download
// errors are in the outcome's Failures.
func RecordPolicy(ctx context.Context, root, url string, opts Options) (PolicyOutcome, error) {
	snap, res, err := loadFolder(ctx, root)
	if err != nil {
		return PolicyOutcome{}, err
	}
	urls := analysis.PolicyURLs(res)
	if url != "" && !slices.Contains(urls, url) {
		return PolicyOutcome{}, fmt.Errorf("no license in the workspace refers to %s", url)
	}
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	opts.Now = opts.Now.UTC().Truncate(time.Second)
	opts.Fetch = true
	opts.PoliciesOnly = true
	opts.Only = nil
	if url != "" {
		opts.Only = []string{url}
	}
	rep, err := Record(ctx, snap.Root, snap, res, opts)
	out := PolicyOutcome{Report: rep}
	if err != nil || len(rep.Failures) == 0 {
		return out, err
	}
	failed := urls
	if url != "" {
		failed = []string{url}
	}
	for _, u := range failed {
		if slices.Contains(rep.Fetched, u) {
			continue
		}
		p := record.CopyPath(u, func(p string) ([]byte, bool) {
			text, err := os.ReadFile(filepath.Join(snap.Root, filepath.FromSlash(p)))
			return text, err == nil
		})
		_, statErr := os.Lstat(filepath.Join(snap.Root, filepath.FromSlash(p)))
		if !errors.Is(statErr, os.ErrNotExist) {
			continue // never overwrite what the user may have pasted
		}
		edit := analysis.PolicyCopyEditAt(p, u, opts.Now)
		st, err := atomicfile.Stage(snap.Root, edit.Path, []byte(edit.NewText), 0o644, true)
		if err == nil {
			err = st.Commit()
		}
		if err != nil {
			return out, fmt.Errorf("%s: %w", edit.Path, err)
		}
		out.Written = append(out.Written, edit.Path)
		if out.Created == "" {
			out.Created = edit.Path
		}
	}
	return out, nil
}
