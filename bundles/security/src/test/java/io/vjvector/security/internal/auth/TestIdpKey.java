package io.vjvector.security.internal.auth;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * A test identity provider's RSA 2048 signing key and self-signed certificate, generated once with
 * {@code keytool -genkeypair -keyalg RSA -keysize 2048 -storetype PKCS12 -validity 36500 -dname
 * "CN=Test IdP, O=VJVector Test"} and exported (DER, base64). Test material only: it signs nothing
 * outside these tests.
 */
final class TestIdpKey {
  private static final String CERTIFICATE =
      "MIIC/DCCAeSgAwIBAgIJANH/+3nqwranMA0GCSqGSIb3DQEBCwUAMCsxFjAUBgNVBAoTDVZKVmVj"
          + "dG9yIFRlc3QxETAPBgNVBAMTCFRlc3QgSWRQMCAXDTI2MTEyNzAzNDA0MFoYDzIxMjYxMTAzMDM0"
          + "MDQwWjArMRYwFAYDVQQKEw1WSlZlY3RvciBUZXN0MREwDwYDVQQDEwhUZXN0IElkUDCCASIwDQYJ"
          + "KoZIhvcNAQEBBQADggEPADCCAQoCggEBAONRXcAHZQN6s4Jj7RQgHRXNa+nkLL26rszE/uXkhSfk"
          + "bFnMpCJ0aQvV97VbGKyxKh7ztDv4NlDyJCRgqeDwicRof5wZfso4kkwqGCm6u88fKwep0nXtaTDb"
          + "75aI+ogYQAwvFKQ0wQv+D9y1uIvryieUvxn9bj+eGuahpaUY7xSQu5MmOtjqOWfZZ4o+AGdvkne+"
          + "JxtVvyGG/HaPEhZNZ3Oepf7s8BZ+qa8Os1zzanO8dybg/Cg2SKuNOTnNQJlG0Z6wGeBItihrvIfg"
          + "CJ7B0dFPO1cpyxX/avjdgL7nobxtyixdPxD11CWxvDzU8/G9mgyVeUtmbeuBwai54Ex5mUcCAwEA"
          + "AaMhMB8wHQYDVR0OBBYEFH0f8mxu3JdjcBvY9K+RTdb7N52xMA0GCSqGSIb3DQEBCwUAA4IBAQC9"
          + "C5fGrqawGxjGZTciw7uaJqX+yxSNMP5PLPhV/wMqkKaDfYTiwoA0YNQU8GTo5E14YWcW4KBdiiXA"
          + "W3dqjhpthJUL2DfiCU0sThkgc0tuF+VHVq/kw/IDcFz5zDbf8wp4009pVkJNQ51VDuTG7rTVUZZi"
          + "ap2SShNONJNXO0IypnoVvLCsRC7mt3og6rORJTqfU83BTD2dIuSy0MdT8E1WYwALLgwXq956RJcD"
          + "PME+HRuttJBG3yxir34oJhKOd16zt0ybJh7nASmt2oCM9g8EIc6WfhSD7hOwPIr1DOzzE0jmU5/B"
          + "7iM8paesC9wQfpP04iHwUZaYM58llNJvxj7P";

  private static final String PRIVATE_KEY =
      "MIIEvwIBADANBgkqhkiG9w0BAQEFAASCBKkwggSlAgEAAoIBAQDjUV3AB2UDerOCY+0UIB0VzWvp"
          + "5Cy9uq7MxP7l5IUn5GxZzKQidGkL1fe1WxissSoe87Q7+DZQ8iQkYKng8InEaH+cGX7KOJJMKhgp"
          + "urvPHysHqdJ17Wkw2++WiPqIGEAMLxSkNMEL/g/ctbiL68onlL8Z/W4/nhrmoaWlGO8UkLuTJjrY"
          + "6jln2WeKPgBnb5J3vicbVb8hhvx2jxIWTWdznqX+7PAWfqmvDrNc82pzvHcm4PwoNkirjTk5zUCZ"
          + "RtGesBngSLYoa7yH4AiewdHRTztXKcsV/2r43YC+56G8bcosXT8Q9dQlsbw81PPxvZoMlXlLZm3r"
          + "gcGoueBMeZlHAgMBAAECggEAU5ouN5zAmun6sT7dB6TT7ZvST4AasGDDPw5IjPZhvo01CEXKK93S"
          + "cIbuBmYNih3SVvXcWJ3uJBEaF8LxV4g/stuX6yo5RlhN/fMRVe+WeROGeNgNTk/VeyG4WQ3hzkHU"
          + "9GYwWkAIq8dxwAOZbuR2Qd5j9kQN0xnr3Nygljq4W0A6Ow5S17PkdXIrCuYVC336UOCtOJMYnFxV"
          + "jeuR8jRH2TG/ExxoMUpbWSjB1HBwln/QsWDSX8kmJXFZOXdYZlBh6l6fbI21RwWiSJulh/avAmze"
          + "cr4NX/ovro1KErWU0Y8tB6TVhgSOkIz5Y5jso5FtELC/vGOUkihCfmaF27E2AQKBgQDxBn/1+kFr"
          + "rWLkgp0Dsac5RsWi1Oj/9eHvtndxYCOQ+1UVKuSnqzuGWDp9W0RrzB2uLvNymEQ2Xmivog5wbIzf"
          + "bxvzUaWHchEvtwV23G2f/SpVMgv1LP1OLz4lcOjueDS1CpYP1+C/3IXcVTL8VtIlivW0r4l1Ont+"
          + "5px6bDcQRwKBgQDxcNklJPEhqcf7Id9KgOD1oXrg+989dgDm33R9RXtgElRKSNaCXu+bZ7GxS0Yy"
          + "Oz0JgsAn9Wyr4D1PMzM7ePeA30RYker+UJ2DQ9EwgYcBlikozpo9NeYhJ9epuxO+4myROwlUr2PG"
          + "eYCRWxdWmwO/2eBstRBK/0Ajhnd2Rc6vAQKBgQDM2Bxa3wVI0YSR91wg7pTT/g0sdc1M9Rm/1JEx"
          + "H2c66hCGu/y3b7VYWZXkQnQlNcYn6qlnRHf8yUIpuw6QiAE2SEU2B7cqJUzsA522RmM5LT4USEOX"
          + "bVQfZdFomsytGCabk1K0RmIyTebKuvJpOhTCaZanqOSnaDvbP33QIjauMwKBgQDriQltQRKzomvj"
          + "RHIOvpe3SKcVYOGxlbLfh9KeevAXEwqDxXbujCr30jr5GNQMINo0swc+dCBltEZbQzmRpTrez/Be"
          + "70ruejqPWdNznIjWNWVF1/eEC1bLtZCglk53A3CiZZN+t/OAJfwU0WZ9KJCJ0sUrh5+zajtp7L4R"
          + "9ZviAQKBgQDLNYwxVFjJz3qqULZUnN2AIB1RS27nr4ZybPnihu6RE96eFYK8xERyDufv6Ufk+bWq"
          + "zdNWSITzUk7N+mUX+poxuCf8X5Q4Blgsg/WME1uXfq7MVY+bhsSVnUO10x9NaSHq4gbJJqX24O+m"
          + "bD2fvF+EqHv5/pqqT3Ajp5IJ3OhU+w==";

  private TestIdpKey() {}

  static X509Certificate certificate() throws GeneralSecurityException {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(CERTIFICATE)));
  }

  static PrivateKey privateKey() throws GeneralSecurityException {
    return KeyFactory.getInstance("RSA")
        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(PRIVATE_KEY)));
  }
}
