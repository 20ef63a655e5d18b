package server

import (
	"fmt"
	"sync/atomic"

	"go.lsp.dev/protocol"
	"go.uber.org/zap"

	"github.com/fineprint-dev/fineprint/server/internal/rpc"
)

// summary is the message ending the scan's progress.
func (s *Server) summary() string {
	s.mu.Lock()
	v := s.view
	s.mu.Unlock()
	if v == nil {
		return ""
	}
	n, lic := 0, 0
	v.each(func(_ protocol.DocumentURI, fv *fileView) {
		n += len(fv.findings)
		lic += len(fv.licenses)
	})
	return fmt.Sprintf("%d licenses, %d findings", lic, n)
}

// progress is one work-done progress the server reports; nil reports
// nothing (the client does not support it).
type progress struct {
	s     *Server
	token string
}

var progressSeq atomic.Int64

func (s *Server) beginProgress(title string) *progress {
	s.mu.Lock()
	ok := s.client.progress
	s.mu.Unlock()
	if !ok {
		return nil
	}
	token := fmt.Sprintf("fineprint-scan-%d", progressSeq.Add(1))
	if err := s.call(protocol.MethodWorkDoneProgressCreate, &rpc.WorkDoneProgressCreateParams{Token: token}, nil); err != nil {
		s.log.Debug("window/workDoneProgress/create failed", zap.Error(err))
		return nil
	}
	p := &progress{s: s, token: token}
	p.send(&protocol.WorkDoneProgressBegin{Kind: protocol.WorkDoneProgressKindBegin, Title: title})
	return p
}

func (p *progress) send(value any) {
	p.s.notify(protocol.MethodProgress, &rpc.ProgressParams{Token: p.token, Value: value})
}

func (p *progress) report(msg string) {
	if p != nil {
		p.send(&protocol.WorkDoneProgressReport{Kind: protocol.WorkDoneProgressKindReport, Message: msg})
	}
}

func (p *progress) end(msg string) {
	if p != nil {
		p.send(&protocol.WorkDoneProgressEnd{Kind: protocol.WorkDoneProgressKindEnd, Message: msg})
	}
}
