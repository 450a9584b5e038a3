using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Contoso.Support.Domain;
using Contoso.Support.Redaction;
using Microsoft.Extensions.AI;

namespace Contoso.Support.Indexing
{
    /// <summary>Embeds resolved tickets so that agents can search similar problems.</summary>
    public sealed class TicketIndexer
    {
        private readonly IEmbeddingGenerator<string, Embedding<float>> _embeddings;

        public TicketIndexer(IEmbeddingGenerator<string, Embedding<float>> embeddings)
        {
            _embeddings = embeddings;
        }

        /// <summary>The text embedded for one ticket: its subject and redacted body (Internal at most).</summary>
        public static string IndexText(SupportTicket ticket)
        {
            return ticket.Product + " | " + ticket.Subject + " | " + Redactor.RedactTicketText(ticket.Body);
        }

        /// <summary>Compliant: the embedding ceiling is Internal, and the index text is Internal.</summary>
        public async Task<IReadOnlyList<(string TicketId, ReadOnlyMemory<float> Vector)>> IndexAsync(IReadOnlyList<SupportTicket> tickets, CancellationToken cancellationToken = default)
        {
            var texts = tickets.Select(IndexText).ToList();
            GeneratedEmbeddings<Embedding<float>> embeddings = await _embeddings.GenerateAsync(texts, cancellationToken: cancellationToken);
            return tickets.Select((ticket, i) => (ticket.TicketId, embeddings[i].Vector)).ToList();
        }
    
        /// <summary>
        /// Violation (FTP0003): embeds the raw ticket body (Confidential). The manifest grants
        /// embeddings up to Internal, and a call through <c>IEmbeddingGenerator</c> gets the lowest
        /// embedding ceiling of the policy. Fix: <see cref="IndexAsync"/>, which redacts the body.
        /// </summary>
        public async Task<Embedding<float>> IndexRawAsync(SupportTicket ticket, CancellationToken cancellationToken = default)
        {
            return await _embeddings.GenerateAsync(ticket.Subject + "\n" + ticket.Body, cancellationToken: cancellationToken);
        }
    }
}
