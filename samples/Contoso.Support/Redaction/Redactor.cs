using System;
using System.Text.RegularExpressions;
using FineTunePolicy;

namespace Contoso.Support.Redaction
{
    /// <summary>
    /// Contoso's redactors. A <c>[Declassifies(X)]</c> method caps the class of its result at X:
    /// this is the one place a reviewer must check, so each one says why it is safe.
    /// </summary>
    public static partial class Redactor
    {
        /// <summary>Replaces e-mail addresses, card numbers, SSNs and phone numbers in free text by placeholders.</summary>
        [Declassifies(DataClass.Internal, Justification = "Replaces e-mail addresses, 13-19 digit card numbers, SSNs and phone numbers by fixed placeholders; what remains is the customer's description of the problem, which is Internal.")]
        public static string RedactTicketText(string text)
        {
            text = EmailPattern().Replace(text, "[email]");
            text = CardPattern().Replace(text, "[card]");
            text = SsnPattern().Replace(text, "[ssn]");
            return PhonePattern().Replace(text, "[phone]");
        }

        /// <summary>
        /// Turns a resolved ticket into anonymous training text: placeholders for contact details
        /// and a generic greeting instead of the customer's name.
        /// </summary>
        [Declassifies(DataClass.Public, Justification = "Training text keeps only the redacted problem description and the agent's redacted answer; the customer's name and its parts are replaced by placeholders. Reviewed by privacy (ticket PRIV-2291).")]
        public static string AnonymiseForTraining(string text, string customerName)
        {
            var redacted = RedactTicketText(text);
            if (customerName.Length == 0)
            {
                return redacted;
            }

            redacted = redacted.Replace(customerName, "the customer");
            foreach (var part in customerName.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                redacted = redacted.Replace(part, "[name]");
            }

            return redacted;
        }

        /// <summary>Keeps the first letter and the domain of an e-mail address: j***@contoso.example.</summary>
        // Deliberately without a justification: FTP0005 is reported on the attribute below.
        [Declassifies(DataClass.Internal)]
        public static string MaskEmail(string email)
        {
            var at = email.IndexOf('@');
            return at <= 1 ? "***" : email[0] + "***" + email.Substring(at);
        }

        [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
        private static partial Regex EmailPattern();

        [GeneratedRegex(@"\b(?:\d[ -]?){13,19}\b")]
        private static partial Regex CardPattern();

        [GeneratedRegex(@"\b\d{3}-\d{2}-\d{4}\b")]
        private static partial Regex SsnPattern();

        [GeneratedRegex(@"\+?\d[\d ()-]{7,}\d")]
        private static partial Regex PhonePattern();
    }
}
