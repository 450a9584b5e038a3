using System;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;

namespace FineTunePolicy.Analyzers.Classification
{
    /// <summary>Where a class comes from: a classified member, parameter or type (for messages and additional locations).</summary>
    internal sealed class DataSource : IEquatable<DataSource>
    {
        // For a model binding: what the answers of the model carry (its training class and categories).
        private readonly (DataClass Class, DataCategory Categories)? _answers;

        // For an answer: Via is where the client was held, not where the answer was stored.
        private bool _clientVia;

        public DataSource(string name, DataClass dataClass, DataCategory categories, Location? location, string? via = null, Location? viaLocation = null)
            : this(name, dataClass, categories, location, via, viaLocation, answers: null, isAnswer: false)
        {
        }

        private DataSource(
            string name, DataClass dataClass, DataCategory categories, Location? location, string? via, Location? viaLocation,
            (DataClass, DataCategory)? answers, bool isAnswer)
        {
            Name = name;
            Class = dataClass;
            Categories = categories;
            Location = location;
            Via = via;
            ViaLocation = viaLocation;
            _answers = answers;
            IsAnswer = isAnswer;
        }

        /// <summary>
        /// A client or request bound to the tuned model <paramref name="modelId"/> (docs/classifying-data.md, "Answers of tuned
        /// models"): it carries nothing itself (Public), but the answer of an inference call made with it carries the
        /// model's training class (<see cref="Answer"/>). Travels with the client like any source: through locals, fields,
        /// constructors and the calls that wrap the client.
        /// </summary>
        public static DataSource ModelBinding(string modelId, DataClass trainingClass, DataCategory trainingCategories, Location? location) =>
            new("answer of tuned model '" + modelId + "'", DataClass.Public, DataCategory.None, location, null, null,
                (trainingClass, trainingCategories), isAnswer: false);

        /// <summary>Whether this is a binding to a tuned model rather than data.</summary>
        public bool IsModelBinding => _answers is not null;

        /// <summary>The source an answer of the bound model carries: the model's training class, named after the model.</summary>
        public DataSource Answer() =>
            _answers is { } answers
                ? new DataSource(Name, answers.Class, answers.Categories, Location, Via, ViaLocation, null, isAnswer: true) { _clientVia = Via is not null }
                : this;

        /// <summary>The answer of a tuned model, described without quotes around the whole (the model id is quoted).</summary>
        public bool IsAnswer { get; }

        public string Name { get; }

        public DataClass Class { get; }

        public DataCategory Categories { get; }

        public Location? Location { get; }

        /// <summary>The state the data went through on its way (<c>'ConciergeSession._context'</c>, <c>the file 'train.jsonl'</c>), or null.</summary>
        public string? Via { get; }

        /// <summary>Where the data was written into <see cref="Via"/> (an additional location).</summary>
        public Location? ViaLocation { get; }

        /// <summary>
        /// The same source, stored in <paramref name="member"/> at <paramref name="at"/>. The first store is kept
        /// when the data moves on through more state: it is where the data left the method it came from.
        /// </summary>
        public DataSource StoredIn(string member, Location? at) =>
            Via is null ? new DataSource(Name, Class, Categories, Location, member, at, _answers, IsAnswer) : this;


        /// <summary>
        /// <c>'Customer.Ssn'</c>, or <c>'Customer.Ssn' (stored in 'Session._context')</c>; an answer reads
        /// <c>the answer of tuned model 'ft:...'</c>.
        /// </summary>
        public string Describe()
        {
            if (IsAnswer)
            {
                // The state an answer went through is where its client was held, or where the answer was stored.
                return Via is null ? "the " + Name : "the " + Name + (_clientVia ? " (client held in " : " (stored in ") + Via + ")";
            }

            return Via is null ? "'" + Name + "'" : "'" + Name + "' (stored in " + Via + ")";
        }

        public bool Equals(DataSource? other) =>
            other is not null && other.Name == Name && other.Class == Class && other.Categories == Categories && other.Via == Via
            && other.IsModelBinding == IsModelBinding;

        public override bool Equals(object? obj) => Equals(obj as DataSource);

        public override int GetHashCode() => Name.GetHashCode() ^ (int)Class;
    }

    /// <summary>
    /// The class and categories a value carries, with the few sources that explain it. Immutable;
    /// <see cref="Join"/> is the lattice join (maximum class, union of categories).
    /// </summary>
    internal readonly struct Taint : IEquatable<Taint>
    {
        private const int MaxSources = 3;

        public static readonly Taint None = default;

        private readonly ImmutableArray<DataSource> _sources;

        public Taint(DataClass dataClass, DataCategory categories, ImmutableArray<DataSource> sources)
        {
            Class = dataClass;
            Categories = categories;
            _sources = sources;
        }

        public DataClass Class { get; }

        public DataCategory Categories { get; }

        public ImmutableArray<DataSource> Sources => _sources.IsDefault ? ImmutableArray<DataSource>.Empty : _sources;

        /// <summary>True when the value carries nothing: Public and no category.</summary>
        public bool IsNone => Class == DataClass.Public && Categories == DataCategory.None;

        public static Taint From(DataSource source) => new Taint(source.Class, source.Categories, ImmutableArray.Create(source));

        /// <summary>
        /// What an answer obtained with a value carrying this taint carries: the training class of every tuned model the
        /// value is bound to (<see cref="DataSource.ModelBinding"/>), and nothing of the value's own data.
        /// </summary>
        public Taint Answers()
        {
            var result = None;
            foreach (var source in Sources)
            {
                if (source.IsModelBinding)
                {
                    result = Join(result, From(source.Answer()));
                }
            }

            return result;
        }

        /// <summary>The same taint, each source marked as stored in <paramref name="member"/> (state followed across methods).</summary>
        public Taint StoredIn(string member, Location? at)
        {
            if (Sources.IsEmpty)
            {
                return this;
            }

            var sources = ImmutableArray.CreateBuilder<DataSource>(Sources.Length);
            foreach (var source in Sources)
            {
                sources.Add(source.StoredIn(member, at));
            }

            return new Taint(Class, Categories, sources.MoveToImmutable());
        }

        public static Taint Join(Taint a, Taint b)
        {
            if (b.IsNone && b.Sources.IsEmpty)
            {
                return a;
            }

            if (a.IsNone && a.Sources.IsEmpty)
            {
                return b;
            }

            var dataClass = a.Class > b.Class ? a.Class : b.Class;
            var categories = a.Categories | b.Categories;
            if (dataClass == a.Class && categories == a.Categories && Covers(a.Sources, b.Sources))
            {
                // The common case in a fixed-point iteration: nothing new.
                return a;
            }

            return new Taint(dataClass, categories, MergeSources(a.Sources, b.Sources));
        }

        /// <summary>
        /// Caps the class at <paramref name="ceiling"/> (a declassifier): sources above the cap are
        /// replaced by <paramref name="result"/>; Public drops the categories too.
        /// </summary>
        public Taint Cap(DataClass ceiling, DataSource result)
        {
            if (Class <= ceiling)
            {
                return this;
            }

            if (ceiling == DataClass.Public)
            {
                return None;
            }

            var kept = ImmutableArray.CreateBuilder<DataSource>();
            foreach (var source in Sources)
            {
                if (source.Class <= ceiling)
                {
                    kept.Add(source);
                }
            }

            return Join(new Taint(DataClass.Public, DataCategory.None, kept.ToImmutable()), From(result));
        }

        /// <summary>The names of the sources, for messages: <c>Customer.Ssn, Order.CardNumber</c>.</summary>
        public string DescribeSources()
        {
            if (Sources.IsEmpty)
            {
                return "classified data";
            }

            var builder = new StringBuilder();
            foreach (var source in Sources)
            {
                if (source.Class != Class)
                {
                    continue;
                }

                if (builder.Length > 0)
                {
                    builder.Append(", ");
                }

                builder.Append(source.Describe());
            }

            return builder.Length == 0 ? Sources[0].Describe() : builder.ToString();
        }

        public bool Equals(Taint other)
        {
            if (Class != other.Class || Categories != other.Categories || Sources.Length != other.Sources.Length)
            {
                return false;
            }

            for (var i = 0; i < Sources.Length; i++)
            {
                if (!Sources[i].Equals(other.Sources[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public override bool Equals(object? obj) => obj is Taint other && Equals(other);

        public override int GetHashCode() => ((int)Class * 397) ^ (int)Categories ^ Sources.Length;

        private static bool Covers(ImmutableArray<DataSource> kept, ImmutableArray<DataSource> added)
        {
            if (kept == added)
            {
                return true;
            }

            foreach (var source in added)
            {
                if (!kept.Contains(source))
                {
                    return false;
                }
            }

            return true;
        }

        // Keeps the highest-class sources, ordered by class then name, so that results do not
        // depend on the order in which values were joined.
        private static ImmutableArray<DataSource> MergeSources(ImmutableArray<DataSource> a, ImmutableArray<DataSource> b)
        {
            if (b.IsEmpty)
            {
                return a;
            }

            if (a.IsEmpty)
            {
                return b;
            }

            var builder = ImmutableArray.CreateBuilder<DataSource>(a.Length + b.Length);
            builder.AddRange(a);
            foreach (var source in b)
            {
                if (!builder.Contains(source))
                {
                    builder.Add(source);
                }
            }

            builder.Sort(static (x, y) =>
            {
                var byClass = y.Class.CompareTo(x.Class);
                if (byClass != 0)
                {
                    return byClass;
                }

                var byName = string.CompareOrdinal(x.Name, y.Name);
                return byName != 0 ? byName : string.CompareOrdinal(x.Via, y.Via);
            });

            if (builder.Count > MaxSources)
            {
                builder.Count = MaxSources;
            }

            return builder.ToImmutable();
        }
    }
}
